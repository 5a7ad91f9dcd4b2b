// PacSubmissions in one resource group: storage, the Function App (Flex Consumption), its identity,
// Key Vault for the two secrets, monitoring and alerts. `azd up` deploys this, then the code, then
// infra/hooks/postdeploy.* subscribes the blob trigger to Event Grid (see docs/deploy.md for why then).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds every resource name, so two environments never clash.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (one that offers the Flex Consumption plan).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the person running azd: given access to the reports and tables and read access to the secrets, so the pac tool works for them.')
param principalId string = ''

@description('Kind of principal in principalId: User for a person, ServicePrincipal for a pipeline.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Address e-mails are sent from; it must be a verified sender in SendGrid.')
param emailFromAddress string

@description('IFLA HQ\'s address: told of every submission.')
param hqEmailAddress string

@description('Who is told when a report is poisoned or a function keeps failing; empty sends the alerts to HQ.')
param alertEmailAddress string = ''

@secure()
@minLength(1)
@description('The SendGrid API key (Mail Send permission). Kept in Key Vault; the app reads it through a Key Vault reference.')
param sendGridApiKey string

@description('Address coordinators reach the app at; empty means the Function App\'s own https://<name>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Six-field cron schedule (UTC) of the reminder run.')
param reminderSchedule string = '0 0 * * * *'

@description('Client id of the Entra ID app registration HQ signs in with (docs/dashboard.md); empty leaves App Service Authentication off.')
param hqSignInClientId string = ''

@description('Object id of HQ\'s Entra ID group: with sign-in on, only its members may use the dashboard and the exports.')
param hqGroupId string = ''

@description('The Verification Key of SendGrid\'s Signed Event Webhook (base64, as SendGrid shows it): set, the app records whether each e-mail arrived (docs/email.md); empty leaves the webhook off. A public key, not a secret.')
param sendGridEventWebhookKey string = ''

@description('Microsoft Defender for Storage malware scanning of uploads: on by default (about US$10 a month for the account plus a little per GB scanned; docs/deploy.md).')
param malwareScanningEnabled bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var reportsContainerName = 'reports'
var functionAppName = 'func-${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    reportsContainerName: reportsContainerName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    malwareScanningEnabled: malwareScanningEnabled
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    sendGridApiKey: sendGridApiKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    reportsContainerName: reportsContainerName
    linkSigningSecretUri: keyVault.outputs.linkSigningUri
    sendGridApiKeyUri: keyVault.outputs.sendGridUri
    publicBaseUrl: empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
    emailFromAddress: emailFromAddress
    hqEmailAddress: hqEmailAddress
    reminderSchedule: reminderSchedule
    hqSignInClientId: hqSignInClientId
    hqGroupId: hqGroupId
    sendGridEventWebhookKey: sendGridEventWebhookKey
    malwareScanningEnabled: malwareScanningEnabled
  }
}

// An account may have only one Event Grid system topic, and Defender for Storage makes its own when malware scanning
// is on: then this one is not made, and the postdeploy hook subscribes the processor to Defender's.
module eventGrid 'modules/eventgrid.bicep' = if (!malwareScanningEnabled) {
  scope: resourceGroup
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: resourceGroup
  params: {
    actionGroupName: 'ag-${resourceToken}'
    location: location
    tags: tags
    alertEmailAddress: empty(alertEmailAddress) ? hqEmailAddress : alertEmailAddress
    storageAccountName: storage.outputs.name
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

// azd passes these to the hooks and keeps them in .azure/<env>/.env; docs/deploy.md uses them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output PAC_REPORTS_CONTAINER string = reportsContainerName
output PAC_UPLOAD_BASE_URL string = empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
