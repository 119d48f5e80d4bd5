using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOps.Domain.Resources;
using Tag = FinOps.Domain.Resources.Tag;

namespace FinOps.Aws.Live;

/// <summary>
/// Every type without its own SDK listing: Resource Groups Tagging API GetResources, filtered by the type's
/// <see cref="ResourceTypeInfo.TaggingApiFilter"/>, 100 per page, passing PaginationToken back until it is empty.
/// Only resources that have (or had) a tag are returned, hence coverage <see cref="Coverage.TaggedOnly"/>.
/// </summary>
internal sealed class TaggingApiInventory(RegionalClientFactory clients)
{
    /// <summary>The JSON 1.1 target of GetResources.</summary>
    public const string GetResourcesTarget = "ResourceGroupsTaggingAPI_20170126.GetResources";

    /// <summary>Where global types (CloudFront, Route 53, IAM) are reported by the Tagging API.</summary>
    public const string GlobalQueryRegion = "us-east-1";

    /// <param name="queryRegion">The region whose Tagging API is asked.</param>
    /// <param name="reportedRegion">The region the resources are attributed to (<c>global</c> for global types).</param>
    /// <param name="type">The catalogue type.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string queryRegion, string reportedRegion,
        ResourceTypeInfo type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = clients.Tagging(queryRegion);
        string? token = null;
        do
        {
            var body = new JsonObject
            {
                ["ResourceTypeFilters"] = new JsonArray(type.TaggingApiFilter),
                ["ResourcesPerPage"] = 100,
            };
            if (token is not null)
            {
                body["PaginationToken"] = token;
            }

            var page = await AwsErrorMapping.RunAsync(AwsCalls.GetResources, queryRegion,
                ct => client.InvokeAsync(GetResourcesTarget, body, ct), cancellationToken).ConfigureAwait(false);
            yield return Parse(page, reportedRegion, type);
            token = page.TryGetProperty("PaginationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static List<CloudResource> Parse(JsonElement page, string region, ResourceTypeInfo type)
    {
        var resources = new List<CloudResource>();
        if (!page.TryGetProperty("ResourceTagMappingList", out var mappings) || mappings.ValueKind != JsonValueKind.Array)
        {
            return resources;
        }

        foreach (var mapping in mappings.EnumerateArray())
        {
            var arn = mapping.TryGetProperty("ResourceARN", out var a) ? a.GetString() : null;
            if (string.IsNullOrEmpty(arn))
            {
                continue;
            }

            var tagItems = mapping.TryGetProperty("Tags", out var t) && t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().ToList() : null;
            var tags = ResourceTags.From(tagItems, Text("Key"), Text("Value"));
            var serviceName = Arn.TryParse(arn, out var parsed, out _) ? parsed.ResourceId : null;
            resources.Add(new CloudResource(arn, type.Name, region, tags, ResourceTags.NameOf(tags, serviceName)));
        }

        return resources;
    }

    private static Func<JsonElement, string?> Text(string property) =>
        e => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
