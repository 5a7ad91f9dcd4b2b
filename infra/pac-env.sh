#!/bin/sh
# Prints the settings the pac tool needs to work on the deployed system, as export lines:
#   eval "$(./infra/pac-env.sh)"
# It signs in as you (az login): your account got data access to the storage account and read access to the
# Key Vault secrets when you ran `azd up`. Storage has no keys to copy: shared-key access is off.
set -eu
account=$(azd env get-value AZURE_STORAGE_ACCOUNT_NAME)
container=$(azd env get-value PAC_REPORTS_CONTAINER)
base_url=$(azd env get-value PAC_UPLOAD_BASE_URL)
from=$(azd env get-value PAC_EMAIL_FROM)
hq=$(azd env get-value PAC_HQ_EMAIL)
schedule=$(azd env get-value PAC_REMINDER_SCHEDULE 2>/dev/null || echo '0 0 * * * *')
vault=$(azd env get-value AZURE_KEY_VAULT_NAME)
# azd's subscription, not the Azure CLI's default one.
subscription=$(azd env get-value AZURE_SUBSCRIPTION_ID)
signing=$(az keyvault secret show --subscription "$subscription" --vault-name "$vault" --name link-signing-secret --query value -o tsv)
sendgrid=$(az keyvault secret show --subscription "$subscription" --vault-name "$vault" --name sendgrid-api-key --query value -o tsv)

cat <<EXPORTS
export AzureWebJobsStorage__accountName='$account'
export ReportsContainer='$container'
export Links__PublicBaseUrl='$base_url'
export Links__SigningSecret='$signing'
export Email__From='$from'
export Email__HqAddress='$hq'
export Email__SendGridApiKey='$sendgrid'
export ReminderSchedule='$schedule'
EXPORTS
