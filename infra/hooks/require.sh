# Sourced by the POSIX hooks: `require HOOK NAME…` stops the hook, before anything is changed, when azd did not pass
# one of the named values or the Azure CLI is missing.
require() {
  hook=$1
  shift
  for name in "$@"; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
      echo "$hook: $name is not set; run this through azd (azd up, azd provision or azd deploy)." >&2
      exit 1
    fi
  done
  command -v az >/dev/null 2>&1 || { echo "$hook: the Azure CLI (az) is required; see docs/deploy.md." >&2; exit 1; }
}
