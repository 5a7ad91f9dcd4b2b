// Key Vault (RBAC) with the two secrets. The app reads them through Key Vault references in its app settings,
// as its managed identity; neither secret is ever written into an app setting in clear.
param name string
param location string
param tags object
param appPrincipalId string
param userPrincipalId string
param userPrincipalType string

@secure()
param sendGridApiKey string

@secure()
param linkSigningSecret string

// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

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
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource linkSigning 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'link-signing-secret'
  properties: { value: linkSigningSecret }
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

// The person running azd reads the link-signing secret for the pac tool (pac link …).
resource userReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, secretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

output name string = vault.name
// Versionless URIs: the app picks up a rotated secret without a redeploy.
output sendGridUri string = sendGrid.properties.secretUri
output linkSigningUri string = linkSigning.properties.secretUri
