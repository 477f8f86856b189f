// Action Tracker on Azure, with no client secret: a user-assigned managed identity that the bot
// signs in as (UserAssignedMSI) and that reaches Table Storage, Key Vault (the report-link key)
// and Application Insights; a Linux App Service on Node 22 LTS running the built service
// (`npm run stage`), the Azure Bot resource with the Teams channel. Deploy into one group:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('Short lower-case name that every resource name starts with (3 to 11 letters or digits).')
@minLength(3)
@maxLength(11)
param baseName string

@description('How the bot proves who it is: the managed identity (UserAssignedMSI, no secret) or an Entra app registration with a client secret (SingleTenant).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'UserAssignedMSI'

@description('Client id of the Entra app registration that the dashboard tab signs people in to (it exposes api://<host>/<id>); with SingleTenant it is also the bot\'s id. It needs no secret for the tab.')
param botAppId string = ''

@description('Client secret of that app registration (SingleTenant only); kept in Key Vault.')
@secure()
param botAppPassword string = ''

@description('Key that signs the links from digests to the full report, kept in Key Vault. Written only when writeReportLinkSecret is true.')
@secure()
param reportLinkSecret string = newGuid()

@description('Write reportLinkSecret to Key Vault. True on the first deployment; false afterwards keeps the key there, so links in earlier digests keep working. True again rotates it.')
param writeReportLinkSecret bool = true

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
// Key Vault Secrets User: read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Monitoring Metrics Publisher: send telemetry to Application Insights with Entra ID.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'
var vaultName = take('kv${baseName}${suffix}', 24)
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

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure roles, so the identity gets exactly one: read secrets.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource reportKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (writeReportLinkSecret) {
  parent: vault
  name: 'report-link-secret'
  properties: {
    value: reportLinkSecret
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!usesIdentityForBot) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource vaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
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
    // Telemetry is sent with the managed identity only; the connection string is no key.
    DisableLocalAuth: true
  }
}

resource telemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, metricsPublisherRoleId)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
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

// App Service reads these from Key Vault as the identity; the settings hold only references.
var vaultUri = 'https://${vaultName}${environment().suffixes.keyvaultDns}'
var botPasswordSetting = usesIdentityForBot
  ? []
  : [
      {
        name: 'MicrosoftAppPassword'
        value: '@Microsoft.KeyVault(SecretUri=${vaultUri}/secrets/bot-app-password)'
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
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      // Node 22 LTS (supported to April 2027); the service also runs on 20 and 24.
      linuxFxVersion: 'NODE|22-lts'
      // The staged build (`npm run stage`): nothing is compiled or installed at start.
      appCommandLine: 'node --disable-warning=DEP0111 --enable-source-maps dist/main.js'
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
            // Versionless, so a rotated key is picked up on the next restart.
            name: 'REPORT_LINK_SECRET'
            value: '@Microsoft.KeyVault(SecretUri=${vaultUri}/secrets/report-link-secret)'
          }
          {
            // The dashboard tab's sign-in: the app registration, even when the bot is the identity.
            name: 'TAB_APP_ID'
            value: botAppId
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
            // The upload is the staged build with its packages: App Service builds nothing.
            name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
            value: 'false'
          }
        ],
        botPasswordSetting
      )
    }
  }
  dependsOn: [
    tableService
    tableAccess
    vaultAccess
    telemetryAccess
    reportKey
    botPassword
  ]
}

// The service's log lines (stdout and stderr) and the HTTP log, kept in Log Analytics.
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: web
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
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
output keyVaultName string = vaultName

// The Agents Toolkit writes outputs to env/.env.<env> under their names in capitals.
output BOT_ID string = effectiveBotAppId
output BOT_DOMAIN string = web.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
