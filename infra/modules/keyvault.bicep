// Key Vault (RBAC) with the two secrets. The app reads them through Key Vault references in its app settings,
// as its managed identity; neither secret is ever written into an app setting in clear. The SendGrid key comes from
// azd's environment; the link-signing secret is not declared here at all: infra/hooks/postprovision.* creates it once,
// when it is absent, and a later provision (from any machine) leaves it alone, so links already sent stay valid.
param name string
param location string
param tags object
param appPrincipalId string
param userPrincipalId string
param userPrincipalType string

@secure()
param sendGridApiKey string

// Key Vault Secrets User: read secret values, nothing else (the app).
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
// Key Vault Secrets Officer: the person running azd creates the link-signing secret once and rotates the SendGrid key.
var secretsOfficerRole = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// Made by infra/hooks/postprovision.*, never by a deployment (see above).
var linkSigningSecretName = 'link-signing-secret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // A deleted vault or secret can be recovered for 7 days and purged by nobody: the link-signing secret made once
    // (postprovision hook) cannot be lost by a mistaken purge. Once on, purge protection cannot be turned off.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The person running azd creates the link-signing secret (postprovision hook) and reads it for the pac tool (pac link …).
resource userManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, secretsOfficerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficerRole)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

output name string = vault.name
// Versionless URIs: the app picks up a rotated secret without a redeploy.
output sendGridUri string = sendGrid.properties.secretUri
output linkSigningUri string = '${vault.properties.vaultUri}secrets/${linkSigningSecretName}'
