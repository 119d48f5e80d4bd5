using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>
/// KMS customer-managed keys: ListAliases (names), ListKeys (every page), then per key DescribeKey (AWS-managed keys
/// are skipped: the account cannot tag them and does not pay for them) and ListResourceTags (every page).
/// </summary>
internal sealed class KmsKeyInventory(RegionalClientFactory clients, AwsOptions options)
{
    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = clients.Kms(region);
        var aliases = await AliasesAsync(region, client, cancellationToken).ConfigureAwait(false);
        var pages = client.Paginators.ListKeys(new ListKeysRequest { Limit = 1000 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.ListKeys, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return await PerResourceLookup.RunAsync(page.Keys ?? [], options.TagCallConcurrency,
                (key, ct) => DescribeAsync(region, client, key.KeyId, aliases, type, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> AliasesAsync(string region, IAmazonKeyManagementService client,
        CancellationToken cancellationToken)
    {
        var byKey = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var pages = client.Paginators.ListAliases(new ListAliasesRequest { Limit = 100 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.ListAliases, region, pages, cancellationToken).ConfigureAwait(false))
        {
            foreach (var alias in page.Aliases ?? [])
            {
                if (!string.IsNullOrEmpty(alias.TargetKeyId) && !string.IsNullOrEmpty(alias.AliasName))
                {
                    // A key may have several aliases; the first in alphabetical order names it, whatever the page order.
                    byKey.AddOrUpdate(alias.TargetKeyId, alias.AliasName,
                        (_, known) => string.CompareOrdinal(alias.AliasName, known) < 0 ? alias.AliasName : known);
                }
            }
        }

        return byKey;
    }

    private static async Task<CloudResource?> DescribeAsync(string region, IAmazonKeyManagementService client, string keyId,
        IReadOnlyDictionary<string, string> aliases, ResourceTypeInfo type, CancellationToken cancellationToken)
    {
        var described = await AwsErrorMapping.RunAsync(AwsCalls.DescribeKey, region,
            ct => client.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId }, ct), cancellationToken).ConfigureAwait(false);
        var metadata = described.KeyMetadata;
        if (metadata is null || metadata.KeyManager == KeyManagerType.AWS)
        {
            return null;
        }

        var tags = new List<Amazon.KeyManagementService.Model.Tag>();
        string? marker = null;
        do
        {
            var request = new ListResourceTagsRequest { KeyId = keyId, Marker = marker };
            var response = await AwsErrorMapping.RunAsync(AwsCalls.ListResourceTags, region,
                ct => client.ListResourceTagsAsync(request, ct), cancellationToken).ConfigureAwait(false);
            tags.AddRange(response.Tags ?? []);
            marker = response.Truncated == true ? response.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        var domainTags = ResourceTags.From(tags, t => t.TagKey, t => t.TagValue);
        var name = ResourceTags.NameOf(domainTags, aliases.TryGetValue(keyId, out var alias) ? alias : keyId);
        return new CloudResource(metadata.Arn, type.Name, region, domainTags, name,
            ResourceTags.Timestamp(metadata.CreationDate), metadata.KeyState?.Value);
    }
}
