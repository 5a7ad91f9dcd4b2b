// The one identity the Function App runs as: for storage (its own host storage and the reports), Key Vault
// references and Application Insights. User-assigned, so its roles exist before the app starts.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
