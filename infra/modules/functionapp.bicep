// The Function App on the Flex Consumption plan (.NET 10, isolated worker), running as the user-assigned identity.
// Every setting the code reads is set here; tests/PacSubmissions.Tests/Deployment checks that none is missing or stray.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param reportsContainerName string
param linkSigningSecretUri string
param sendGridApiKeyUri string
param publicBaseUrl string
param emailFromAddress string
param hqEmailAddress string
param reminderSchedule string
// App Service Authentication for HQ (docs/dashboard.md): the app registration's client id, or empty for none.
param hqSignInClientId string
// Object id of HQ's Entra ID group: only its members may use the dashboard and the exports.
param hqGroupId string
// SendGrid's Event Webhook Verification Key (public), or empty to leave the webhook off (docs/email.md).
param sendGridEventWebhookKey string
// Defender for Storage scans each upload (storage.bicep): the processor then waits for each report's verdict.
param malwareScanningEnabled bool

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy src/PacSubmissions.Functions to by this tag (the service name in azure.yaml).
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        // Twenty centres: a handful of instances is plenty, and it caps the bill.
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The host's storage and the app's (src/PacSubmissions/Storage/StorageConnection.cs), by identity.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        // Application Insights accepts only Entra ID-authenticated telemetry (monitoring.bicep turns keys off).
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // The settings trigger attributes read (%ReportsContainer%, %BlobPoisonQueue%, %ReminderSchedule%) are flat
        // names: the scale controller reads app settings as written and does not map Section__Name to Section:Name.
        { name: 'ReportsContainer', value: reportsContainerName }
        // The Functions host's own poison queue for blob triggers: ReportProcessingFailed's queue trigger reads it.
        { name: 'BlobPoisonQueue', value: 'webjobs-blobtrigger-poison' }
        { name: 'Links__SigningSecret', value: '@Microsoft.KeyVault(SecretUri=${linkSigningSecretUri})' }
        { name: 'Links__PublicBaseUrl', value: publicBaseUrl }
        { name: 'Email__From', value: emailFromAddress }
        { name: 'Email__HqAddress', value: hqEmailAddress }
        { name: 'Email__SendGridApiKey', value: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})' }
        { name: 'ReminderSchedule', value: reminderSchedule }
        // The dashboard lets in only members of this group when App Service Authentication is on (below).
        { name: 'Dashboard__HqGroupId', value: hqGroupId }
        // The key SendGrid's delivery events are signed with; public, so a plain setting and not a Key Vault reference.
        { name: 'Email__EventWebhookPublicKey', value: sendGridEventWebhookKey }
        // With scanning on, a report is read only once Defender's verdict is on it (src/PacSubmissions/Storage/MalwareScanGate.cs).
        { name: 'MalwareScanning__Enabled', value: string(malwareScanningEnabled) }
      ]
    }
  }
}

// No publishing with a user name and password (FTP, or the SCM site's basic auth): azd deploys with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

// HQ signs in as a person (Microsoft Entra ID), so the audit log names who acted. Every path needs a signed-in member
// of HQ's group except the coordinators' upload routes and the blob trigger's Event Grid webhook, which stay anonymous
// (they carry their own signed token or key). The platform then strips any X-MS-CLIENT-PRINCIPAL* header a caller
// sends and sets WEBSITE_AUTH_ENABLED, which is what makes the dashboard trust its principal (DashboardAccess.cs).
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(hqSignInClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/upload'
        '/api/upload/*'
        '/api/upload-assets/*'
        // SendGrid's Event Webhook cannot sign in: its posts are admitted by their signature (docs/email.md).
        '/api/email/events'
        '/runtime/webhooks/blobs'
      ]
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: hqSignInClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          defaultAuthorizationPolicy: {
            allowedPrincipals: { groups: [hqGroupId] }
          }
        }
      }
    }
  }
}

output name string = site.name
