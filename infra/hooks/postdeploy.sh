#!/bin/sh
# Subscribes ProcessReport's blob trigger (Event Grid source) to the reports container, once the code is deployed.
# azd runs this after `azd deploy` with the outputs of infra/main.bicep in the environment.
set -eu

# AZURE_SUBSCRIPTION_ID is azd's subscription: every az call names it, so the CLI's own default subscription
# (az account set, perhaps another customer's) never decides where this runs.
. "$(dirname "$0")/require.sh"
require postdeploy AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_STORAGE_ACCOUNT_ID PAC_REPORTS_CONTAINER

# The Functions host creates the blobs_extension key when it first starts with the new code: wait for it (up to 5 minutes).
attempt=0
until [ -n "$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query systemKeys.blobs_extension -o tsv 2>/dev/null)" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: the app has no blobs_extension key after 5 minutes; is it running? Re-run: azd hooks run postdeploy" >&2
    exit 1
  fi
  echo "postdeploy: waiting for the Functions host to create its blobs_extension key ($attempt/30)..."
  curl -fsS -o /dev/null "https://$AZURE_FUNCTION_APP_NAME.azurewebsites.net/" 2>/dev/null || true
  sleep 10
done

# The account's one Event Grid system topic: ours (infra/modules/eventgrid.bicep) with malware scanning off, Defender for
# Storage's own with it on, which Defender makes when scanning is turned on: wait for it (up to 5 minutes).
attempt=0
until topic=$(az eventgrid system-topic list --subscription "$AZURE_SUBSCRIPTION_ID" --query "[].[source, name, resourceGroup]" -o tsv \
    | awk -F '\t' -v id="$AZURE_STORAGE_ACCOUNT_ID" 'tolower($1) == tolower(id) { print $2 "\t" $3; exit }') && [ -n "$topic" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: the storage account has no Event Grid system topic after 5 minutes (with malware scanning on, Defender for Storage makes it). Re-run: azd hooks run postdeploy" >&2
    exit 1
  fi
  echo "postdeploy: waiting for the storage account's Event Grid system topic ($attempt/30)..."
  sleep 10
done
topic_name=$(printf '%s' "$topic" | cut -f1)
topic_group=$(printf '%s' "$topic" | cut -f2)

az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$topic_group" \
  --name process-report-blob-events \
  --template-file "$(dirname "$0")/../modules/blob-events.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" functionAppResourceGroup="$AZURE_RESOURCE_GROUP" systemTopicName="$topic_name" reportsContainerName="$PAC_REPORTS_CONTAINER" \
  --output none
echo "postdeploy: new reports in '$PAC_REPORTS_CONTAINER' now reach ProcessReport through Event Grid (topic $topic_name)."
