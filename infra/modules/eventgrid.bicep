// The storage account's Event Grid system topic, made only when malware scanning is off (Defender for Storage makes the
// account's one topic itself otherwise). Its subscription to the blob trigger is blob-events.bicep, deployed after the
// code (infra/hooks/postdeploy.*) on whichever topic the account has, because the webhook's key exists only then.
param name string
param location string
param tags object
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
