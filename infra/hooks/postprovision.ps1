# Creates the link-signing secret in Key Vault if, and only if, it is not there yet: the Windows twin of
# postprovision.sh (read it for why). azd runs it after `azd provision` (and in `azd up`, before the code is deployed).
# It needs PowerShell 7 (pwsh), as azure.yaml and docs/deploy.md say.
#Requires -Version 7.0
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_KEY_VAULT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "postprovision: $name is not set; run this through azd (azd up or azd provision)."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postprovision: the Azure CLI (az) is required; see docs/deploy.md.'
}
$secret = 'link-signing-secret'
$vault = $env:AZURE_KEY_VAULT_NAME

# Your Key Vault Secrets Officer role can take a few minutes to apply: wait while the vault answers Forbidden.
for ($attempt = 1; ; $attempt++) {
    $names = az keyvault secret list --subscription $env:AZURE_SUBSCRIPTION_ID --vault-name $vault --query "[?name=='$secret'].name" -o tsv 2>&1
    if ($LASTEXITCODE -eq 0) { break }
    if ("$names" -notmatch 'Forbidden') { throw "postprovision: could not list the secrets of $vault, so nothing was written: $names" }
    if ($attempt -ge 30) { throw "postprovision: still no access to $vault after 5 minutes: $names" }
    Write-Host "postprovision: waiting for your access to $vault to apply ($attempt/30)..."
    Start-Sleep -Seconds 10
}

if ($names) {
    Write-Host "postprovision: $secret is already in $vault; kept as it is (links already sent stay valid)."
    exit 0
}

# 36 random bytes, 48 base64 characters, through a private file so the value is on no command line.
$file = New-TemporaryFile
try {
    [IO.File]::WriteAllText($file.FullName, [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(36)))
    az keyvault secret set --subscription $env:AZURE_SUBSCRIPTION_ID --vault-name $vault --name $secret --file $file.FullName --encoding utf-8 --output none
    if ($LASTEXITCODE -ne 0) {
        throw "postprovision: creating $secret failed (see above). If it was deleted, recover it instead of making a new one: az keyvault secret recover --vault-name $vault --name $secret"
    }
}
finally {
    Remove-Item $file.FullName -Force
}
Write-Host "postprovision: created $secret in $vault; it is kept from now on."
