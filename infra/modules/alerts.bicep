// Tells a person when something fails: a report that landed in the blob trigger's poison queue (the host gave up
// on it after host.json's poisonBlobThreshold tries), or a function that keeps failing.
param actionGroupName string
param location string
param tags object
param alertEmailAddress string
param storageAccountName string
param logAnalyticsId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' existing = {
  parent: account
  name: 'default'
}

// Queue writes go to Log Analytics, where the poison alert looks for a message put on the poison queue.
resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queueService
  name: 'queue-writes-to-log-analytics'
  properties: {
    workspaceId: logAnalyticsId
    logs: [{ category: 'StorageWrite', enabled: true }]
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'PAC alerts'
    enabled: true
    emailReceivers: [
      {
        name: 'pac-operator'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

resource poisonedReport 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'pac-report-poisoned'
  location: location
  tags: tags
  properties: {
    displayName: 'PAC: a report could not be processed (poison queue)'
    description: 'A blob landed in webjobs-blobtrigger-poison: ProcessReport failed on it repeatedly. See docs/deploy.md, "When an alert fires".'
    severity: 1
    enabled: true
    scopes: [logAnalyticsId]
    // On a brand-new workspace StorageQueueLogs does not exist until the first queue write is logged, and ARM's
    // validation of the query would fail the whole provision: the query is checked when it first runs instead.
    skipQueryValidation: true
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'StorageQueueLogs | where OperationName == "PutMessage" and Uri has "webjobs-blobtrigger-poison"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}

resource repeatedFailures 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'pac-function-failing'
  location: location
  tags: tags
  properties: {
    displayName: 'PAC: a function keeps failing'
    description: 'One function failed three times or more within an hour. See its failures in Application Insights.'
    severity: 2
    enabled: true
    scopes: [logAnalyticsId]
    // AppRequests appears only with the app's first telemetry, after the code is deployed (see above).
    skipQueryValidation: true
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'AppRequests | where Success == false'
          timeAggregation: 'Count'
          dimensions: [{ name: 'OperationName', operator: 'Include', values: ['*'] }]
          operator: 'GreaterThanOrEqual'
          threshold: 3
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}
