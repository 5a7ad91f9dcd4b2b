#!/bin/sh
# Creates the link-signing secret in Key Vault if, and only if, it is not there yet. It is made once, by whoever
# provisions first, and then kept: a re-provision from another machine or by another operator must not make a new one,
# which would silently invalidate every upload link already sent. Bicep cannot "create if absent", so this hook does.
# azd runs it after `azd provision` (and in `azd up`, before the code is deployed).
set -eu

. "$(dirname "$0")/require.sh"
require postprovision AZURE_SUBSCRIPTION_ID AZURE_KEY_VAULT_NAME
secret=link-signing-secret
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Your Key Vault Secrets Officer role, made by this provision, can take a few minutes to apply: wait while the vault
# answers Forbidden (up to 5 minutes). Any other failure stops here, before anything is written.
attempt=0
while :; do
  if names=$(az keyvault secret list --subscription "$AZURE_SUBSCRIPTION_ID" --vault-name "$AZURE_KEY_VAULT_NAME" \
      --query "[?name=='$secret'].name" -o tsv 2>"$work/error"); then
    break
  fi
  error=$(cat "$work/error")
  attempt=$((attempt + 1))
  case "$error" in
    *Forbidden*) [ "$attempt" -lt 30 ] || { echo "postprovision: still no access to $AZURE_KEY_VAULT_NAME after 5 minutes: $error" >&2; exit 1; } ;;
    *) echo "postprovision: could not list the secrets of $AZURE_KEY_VAULT_NAME, so nothing was written: $error" >&2; exit 1 ;;
  esac
  echo "postprovision: waiting for your access to $AZURE_KEY_VAULT_NAME to apply ($attempt/30)..."
  sleep 10
done

if [ -n "$names" ]; then
  echo "postprovision: $secret is already in $AZURE_KEY_VAULT_NAME; kept as it is (links already sent stay valid)."
  exit 0
fi

# 36 random bytes, 48 base64 characters, through a private file so the value is on no command line.
head -c 36 /dev/urandom | base64 | tr -d '\n' > "$work/secret"
az keyvault secret set --subscription "$AZURE_SUBSCRIPTION_ID" --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret" \
  --file "$work/secret" --encoding utf-8 --output none \
  || { echo "postprovision: creating $secret failed (see above). If it was deleted, recover it instead of making a new one: az keyvault secret recover --vault-name $AZURE_KEY_VAULT_NAME --name $secret" >&2; exit 1; }
echo "postprovision: created $secret in $AZURE_KEY_VAULT_NAME; it is kept from now on."
