// The storage account: the host's own storage (AzureWebJobsStorage), the reports, the tables and the queues.
// Shared keys are off: every client, the app's and a person's, signs in with Microsoft Entra ID.
param name string
param location string
param tags object
param reportsContainerName string
param appPrincipalId string
param userPrincipalId string
param userPrincipalType string
param malwareScanningEnabled bool

// The app creates any table it lacks at start; these are declared so a fresh account is complete without it.
var tableNames = ['submissions', 'centres', 'campaigns', 'emails', 'audit', 'emailevents']
var deploymentContainerName = 'app-package'

// Role definition ids are Azure's built-in ones, the same in every tenant.
var appRoles = [
  // Storage Blob Data Owner: the Functions host's own blobs (leases, deployment package) and reading blob index tags
  // (the malware scan verdict), which Storage Blob Data Contributor does not grant.
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Storage Queue Data Contributor: the blob trigger's internal queues and its poison queue, which ReportProcessingFailed's
  // queue trigger reads and deletes from (and moves a message it fails on to webjobs-blobtrigger-poison-poison).
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: centres, campaigns, submissions and the e-mail ledger.
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]
var userRoles = [
  // Storage Blob Data Contributor: the pac tool reads and writes reports as the person running it.
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Storage Table Data Contributor: the pac tool opens campaigns and imports centres.
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Every upload is kept: a replaced or deleted report can be restored.
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource reportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: reportsContainerName
  properties: { publicAccess: 'None' }
}

// The page's uploads in blocks are assembled in '<reports>-incoming' (the app creates it) and deleted once stored as a
// report; with versioning on, each deleted one would stay for good as a previous version. This rule deletes those
// versions, and any assembled file a commit left behind, after 7 days: as long as storage keeps uncommitted blocks.
resource incomingUploadsLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'incoming-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [ 'blockBlob' ]
              prefixMatch: [ '${reportsContainerName}-incoming/' ]
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: 7 } }
              version: { delete: { daysAfterCreationGreaterThan: 7 } }
            }
          }
        }
      ]
    }
  }
}

// Flex Consumption deploys the app from a package in this container.
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// Where the blob trigger puts a report it failed on host.json's poisonBlobThreshold times; alerts.bicep watches it, and
// ReportProcessingFailed takes each message off it to mark the upload and e-mail HQ.
resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'webjobs-blobtrigger-poison'
}

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in appRoles: {
  scope: account
  name: guid(account.id, appPrincipalId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource userRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in userRoles: if (!empty(userPrincipalId)) {
  scope: account
  name: guid(account.id, userPrincipalId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}]

// Defender scans each upload and writes its verdict as the blob index tag "Malware Scanning scan result",
// which the processor reads (src/PacSubmissions/Storage/MalwareScanVerdict.cs).
resource defender 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = if (malwareScanningEnabled) {
  scope: account
  name: 'current'
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: 100
      }
    }
    sensitiveDataDiscovery: { isEnabled: false }
  }
}

output id string = account.id
output name string = account.name
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
