// Action Tracker on Azure: Table Storage reached by a user-assigned managed identity, a Linux
// App Service on Node 20 running the bot and the dashboard tab, the Azure Bot resource with
// the Teams channel, and Application Insights. Deploy into one resource group:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Short lower-case name that every resource name starts with (3 to 11 letters or digits).')
@minLength(3)
@maxLength(11)
param baseName string

@description('How the bot proves who it is: an Entra app registration in this tenant (SingleTenant, needed for the tab sign-in) or the managed identity (UserAssignedMSI).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('Client id of the Entra app registration (SingleTenant only; ignored for UserAssignedMSI).')
param botAppId string = ''

@description('Client secret of that app registration (SingleTenant only).')
@secure()
param botAppPassword string = ''

@description('Key that signs the links from digests to the full report. The default is new on every deployment, which makes links in earlier digests stop working: pass your own to keep them.')
@secure()
param reportLinkSecret string = newGuid()

@description('Entra tenant of the bot and of its users.')
param tenantId string = tenant().tenantId

@description('Tenant ids whose users may use the bot and the tab, comma-separated; empty means every tenant the app registration admits (a SingleTenant one admits only its own).')
param allowedTenants string = ''

@description('Emails or Entra object ids of the first programme admins, comma-separated.')
param admins string

@description('App Service plan size; B1 is enough for a few programmes, P0v3 for always-on scale out.')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 is free (standard channels such as Teams are free on both).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Prefix of the table names, so several installations can share one account.')
param tablePrefix string = 'at'

@description('Days Log Analytics keeps the logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, baseName)
var storageName = take(toLower('${baseName}${suffix}'), 24)
var webAppName = '${baseName}-${suffix}'
// Storage Table Data Contributor: read and write entities, nothing else.
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var usesIdentityForBot = botAppType == 'UserAssignedMSI'
var effectiveBotAppId = usesIdentityForBot ? identity.properties.clientId : botAppId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only the managed identity reads and writes: no account keys to leak or rotate.
    allowSharedKeyAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  sku: {
    name: appServiceSku
  }
  kind: 'linux'
  properties: {
    reserved: true
  }
}

var botPasswordSetting = usesIdentityForBot
  ? []
  : [
      {
        name: 'MicrosoftAppPassword'
        value: botAppPassword
      }
    ]

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: appServiceSku != 'F1'
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(
        [
          {
            name: 'MicrosoftAppId'
            value: effectiveBotAppId
          }
          {
            // The service spells it as botbuilder's settings do.
            name: 'MicrosoftAppType'
            value: usesIdentityForBot ? 'UserAssignedMsi' : botAppType
          }
          {
            name: 'MicrosoftAppTenantId'
            value: tenantId
          }
          {
            name: 'ALLOWED_TENANTS'
            value: allowedTenants
          }
          {
            name: 'ADMINS'
            value: admins
          }
          {
            name: 'AZURE_STORAGE_ACCOUNT_URL'
            value: storage.properties.primaryEndpoints.table
          }
          {
            name: 'AZURE_CLIENT_ID'
            value: identity.properties.clientId
          }
          {
            name: 'TABLE_PREFIX'
            value: tablePrefix
          }
          {
            // Digests link the full report here. The site cannot read its own host name while
            // it is being created, so it is the default one, as App Service forms it.
            name: 'PUBLIC_BASE_URL'
            value: 'https://${webAppName}.azurewebsites.net'
          }
          {
            name: 'REPORT_LINK_SECRET'
            value: reportLinkSecret
          }
          {
            name: 'LOG_FORMAT'
            value: 'json'
          }
          {
            name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
            value: insights.properties.ConnectionString
          }
          {
            // App Service's own Node agent sends requests, logs and failures to Application Insights.
            name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
            value: '~3'
          }
          {
            // The zip holds the source; App Service installs the packages and the start script builds the tab.
            name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
            value: 'true'
          }
        ],
        botPasswordSetting
      )
    }
  }
  dependsOn: [
    tableService
    tableAccess
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Action Tracker'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: effectiveBotAppId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: usesIdentityForBot ? identity.id : null
    developerAppInsightKey: insights.properties.InstrumentationKey
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('MicrosoftAppId for `npm run package`.')
output botAppId string = effectiveBotAppId

@description('BOT_DOMAIN for `npm run package`.')
output botDomain string = web.properties.defaultHostName

output webAppName string = webAppName
output storageTableEndpoint string = storage.properties.primaryEndpoints.table
output managedIdentityClientId string = identity.properties.clientId
