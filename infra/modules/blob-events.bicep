// Sends "blob created" events for the reports container to the blob trigger of ProcessReport (its Event Grid source).
// Deployed by infra/hooks/postdeploy.* after `azd deploy`: the blobs_extension system key in the webhook URL is
// created by the Functions host when it first loads the code, so it cannot exist during the first provision.
// Deployed to the topic's resource group (Defender for Storage may have made the topic); the app may be in another.
param functionAppName string
param functionAppResourceGroup string = resourceGroup().name
param systemTopicName string
param reportsContainerName string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
  scope: resourceGroup(functionAppResourceGroup)
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'process-report'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The key is read here, inside the deployment, so it never passes through a shell or a log.
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.ProcessReport&code=${listKeys('${site.id}/host/default', site.apiVersion).systemKeys.blobs_extension}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${reportsContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
