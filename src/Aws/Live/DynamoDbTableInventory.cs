using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Live;

/// <summary>
/// DynamoDB tables: ListTables (every page), then per table DescribeTable (ARN, status, creation time) and
/// ListTagsOfResource (every page). Sees untagged tables too.
/// </summary>
internal sealed class DynamoDbTableInventory(RegionalClientFactory clients, AwsOptions options)
{
    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = clients.DynamoDb(region).Paginators.ListTables(new ListTablesRequest { Limit = 100 }).Responses;
        await foreach (var page in AwsErrorMapping.PagesAsync(AwsCalls.ListTables, region, pages, cancellationToken).ConfigureAwait(false))
        {
            yield return await PerResourceLookup.RunAsync(page.TableNames ?? [], options.TagCallConcurrency,
                (name, ct) => DescribeAsync(region, name, type, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CloudResource?> DescribeAsync(string region, string tableName, ResourceTypeInfo type, CancellationToken cancellationToken)
    {
        var client = clients.DynamoDb(region);
        var described = await AwsErrorMapping.RunAsync(AwsCalls.DescribeTable, region,
            ct => client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct), cancellationToken).ConfigureAwait(false);
        var table = described.Table;
        var arn = table?.TableArn ?? throw new ResourceSourceException(SourceFailureKind.Permanent,
            $"dynamodb:DescribeTable in {region} returned no ARN for table '{tableName}'.");

        var tags = new List<Amazon.DynamoDBv2.Model.Tag>();
        string? next = null;
        do
        {
            var request = new ListTagsOfResourceRequest { ResourceArn = arn, NextToken = next };
            var response = await AwsErrorMapping.RunAsync(AwsCalls.ListTagsOfResource, region,
                ct => client.ListTagsOfResourceAsync(request, ct), cancellationToken).ConfigureAwait(false);
            tags.AddRange(response.Tags ?? []);
            next = response.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        var domainTags = ResourceTags.From(tags, t => t.Key, t => t.Value);
        return new CloudResource(arn, type.Name, region, domainTags, ResourceTags.NameOf(domainTags, tableName),
            ResourceTags.Timestamp(table.CreationDateTime), table.TableStatus?.Value);
    }
}
