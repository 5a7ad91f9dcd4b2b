# Subscribes ProcessReport's blob trigger (Event Grid source) to the reports container, once the code is deployed.
# The Windows twin of postdeploy.sh; azd runs it after `azd deploy` with the outputs of infra/main.bicep in the environment.
# azure.yaml runs it with pwsh (PowerShell 7), which docs/deploy.md lists as a prerequisite; on Windows PowerShell 5.1 the
# line below stops it with PowerShell's own message naming the version it needs, before anything is changed.
#Requires -Version 7.0
$ErrorActionPreference = 'Stop'

# AZURE_SUBSCRIPTION_ID is azd's subscription: every az call names it, so the CLI's own default subscription never
# decides where this runs.
foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_ID', 'PAC_REPORTS_CONTAINER') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "postdeploy: $name is not set; run this through azd (azd up or azd deploy)."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required; see docs/deploy.md.'
}

# The Functions host creates the blobs_extension key when it first starts with the new code: wait for it (up to 5 minutes).
for ($attempt = 1; ; $attempt++) {
    $key = az functionapp keys list --subscription $env:AZURE_SUBSCRIPTION_ID -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query systemKeys.blobs_extension -o tsv 2>$null
    if ($key) { break }
    if ($attempt -ge 30) {
        throw 'postdeploy: the app has no blobs_extension key after 5 minutes; is it running? Re-run: azd hooks run postdeploy'
    }
    Write-Host "postdeploy: waiting for the Functions host to create its blobs_extension key ($attempt/30)..."
    try { Invoke-WebRequest -UseBasicParsing "https://$($env:AZURE_FUNCTION_APP_NAME).azurewebsites.net/" | Out-Null } catch { }
    Start-Sleep -Seconds 10
}

# The account's one Event Grid system topic: ours (infra/modules/eventgrid.bicep) with malware scanning off, Defender for
# Storage's own with it on, which Defender makes when scanning is turned on: wait for it (up to 5 minutes).
for ($attempt = 1; ; $attempt++) {
    $topics = az eventgrid system-topic list --subscription $env:AZURE_SUBSCRIPTION_ID -o json | ConvertFrom-Json
    $topic = $topics | Where-Object { $_.source -ieq $env:AZURE_STORAGE_ACCOUNT_ID } | Select-Object -First 1
    if ($topic) { break }
    if ($attempt -ge 30) {
        throw 'postdeploy: the storage account has no Event Grid system topic after 5 minutes (with malware scanning on, Defender for Storage makes it). Re-run: azd hooks run postdeploy'
    }
    Write-Host "postdeploy: waiting for the storage account's Event Grid system topic ($attempt/30)..."
    Start-Sleep -Seconds 10
}

az deployment group create `
    --subscription $env:AZURE_SUBSCRIPTION_ID `
    --resource-group $topic.resourceGroup `
    --name process-report-blob-events `
    --template-file (Join-Path $PSScriptRoot '../modules/blob-events.bicep') `
    --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME functionAppResourceGroup=$env:AZURE_RESOURCE_GROUP systemTopicName=$($topic.name) reportsContainerName=$env:PAC_REPORTS_CONTAINER `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'postdeploy: creating the Event Grid subscription failed (see above).' }
Write-Host "postdeploy: new reports in '$($env:PAC_REPORTS_CONTAINER)' now reach ProcessReport through Event Grid (topic $($topic.name))."
