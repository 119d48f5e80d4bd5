using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// The JSON protocols (X-Amz-Target): Resource Groups Tagging API, Cost Explorer, DynamoDB (1.0) and KMS (1.1).
/// </summary>
public static class JsonProtocol
{
    public static string ContentTypeOf(string service) => service == "dynamodb" ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";

    /// <summary>The target prefix each service expects.</summary>
    public static string TargetPrefixOf(string service) => service switch
    {
        "tagging" => "ResourceGroupsTaggingAPI_20170126",
        "ce" => "AWSInsightsIndexService",
        "dynamodb" => "DynamoDB_20120810",
        "kms" => "TrentService",
        _ => "",
    };

    public static FakeResponse Handle(FakeAccount account, PageTokens tokens, FakeCall call)
    {
        var data = account.In(call.Region);
        JsonObject answer = (call.Service, call.Operation) switch
        {
            ("tagging", "GetResources") => GetResources(account, tokens, call, data),
            ("ce", "GetCostAndUsage") => GetCostAndUsage(account, tokens, call),
            ("dynamodb", "ListTables") => ListTables(account, call, data),
            ("dynamodb", "DescribeTable") => DescribeTable(account, call, data),
            ("dynamodb", "ListTagsOfResource") => ListTagsOfResource(account, tokens, call, data),
            ("kms", "ListKeys") => ListKeys(account, tokens, call, data),
            ("kms", "ListAliases") => ListAliases(account, tokens, call, data),
            ("kms", "DescribeKey") => DescribeKey(account, call, data),
            ("kms", "ListResourceTags") => ListResourceTags(account, tokens, call, data),
            _ => throw new FakeAwsException("UnknownOperationException", $"The fake does not serve {call.Service} {call.Operation}."),
        };
        return new FakeResponse(200, ContentTypeOf(call.Service), answer.ToJsonString());
    }

    public static FakeResponse Error(string service, FakeAwsException error) => new(error.Status, ContentTypeOf(service),
        new JsonObject { ["__type"] = $"com.amazonaws.{service}#{error.Code}", ["message"] = error.Message }.ToJsonString());

    private static JsonObject GetResources(FakeAccount account, PageTokens tokens, FakeCall call, FakeRegionData data)
    {
        var perPage = call.JsonInt("ResourcesPerPage") ?? 50;
        if (perPage is < 1 or > 100)
        {
            throw new FakeAwsException("InvalidParameterException", "ResourcesPerPage must be between 1 and 100.");
        }

        var filters = call.Json["ResourceTypeFilters"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [];
        var matching = data.Tagged.Where(r => filters.Count == 0 || filters.Any(f => r.TypeFilter == f || r.TypeFilter.StartsWith(f + ":", StringComparison.Ordinal)))
            .ToList();
        var (page, next) = tokens.Page($"{call.Region}/GetResources/{string.Join(',', filters)}", matching, Math.Min(perPage, account.PageSize),
            call.JsonText("PaginationToken"));
        return new JsonObject
        {
            ["PaginationToken"] = next ?? "",
            ["ResourceTagMappingList"] = new JsonArray([.. page.Select(r => (JsonNode)new JsonObject
            {
                ["ResourceARN"] = r.Arn,
                ["Tags"] = Tags(r.Tags, "Key", "Value"),
            })]),
        };
    }

    private static JsonObject GetCostAndUsage(FakeAccount account, PageTokens tokens, FakeCall call)
    {
        var period = call.Json["TimePeriod"] ?? throw new FakeAwsException("ValidationException", "TimePeriod is required.");
        var start = DateOnly.ParseExact(period["Start"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(period["End"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (call.JsonText("Granularity") != "MONTHLY")
        {
            throw new FakeAwsException("ValidationException", "The fake serves MONTHLY granularity only.");
        }

        var metric = call.Json["Metrics"]?.AsArray().SingleOrDefault()?.GetValue<string>()
                     ?? throw new FakeAwsException("ValidationException", "Exactly one metric is expected.");
        var groupBy = call.Json["GroupBy"]?.AsArray().Select(g => (Type: g!["Type"]!.GetValue<string>(), Key: g["Key"]!.GetValue<string>())).ToList() ?? [];
        var (filterText, inFilter) = ServiceFilter(call.Json["Filter"]);
        List<(DateOnly Month, string[] Keys, decimal Amount)> rows;
        if (groupBy is [("DIMENSION", "SERVICE"), ("DIMENSION", "REGION")])
        {
            rows = [.. account.ServiceRegionCosts.Where(c => inFilter(c.First)).Select(c => (c.Month, new[] { c.First, c.Second }, c.Amount))];
        }
        else if (groupBy is [("TAG", var tagKey)])
        {
            // Without REGION, Cost Explorer adds the regions of a tag value up into one group.
            rows = [.. account.TagCosts.Where(c => c.TagKey == tagKey && inFilter(c.Service))
                .Select(c => (c.Month, new[] { $"{tagKey}${c.TagValue}" }, c.Amount))];
        }
        else if (groupBy is [("TAG", var key), ("DIMENSION", "REGION")])
        {
            rows = [.. account.TagCosts.Where(c => c.TagKey == key && inFilter(c.Service))
                .Select(c => (c.Month, new[] { $"{key}${c.TagValue}", c.Region }, c.Amount))];
        }
        else
        {
            throw new FakeAwsException("ValidationException", "The fake serves GroupBy SERVICE+REGION, one TAG, or one TAG+REGION.");
        }

        // Services are not a group key here: the spend of one value in one region under several services is one group.
        rows = [.. rows.Where(r => r.Month >= start && r.Month < end)
            .GroupBy(r => (r.Month, Keys: string.Join('|', r.Keys)))
            .Select(g => (g.Key.Month, g.First().Keys, g.Sum(r => r.Amount)))
            .OrderBy(r => r.Month).ThenBy(r => string.Join('|', r.Keys), StringComparer.Ordinal)];
        var listing = $"ce/{start}/{end}/{metric}/{string.Join(',', groupBy)}/{filterText}";
        var (page, next) = tokens.Page(listing, rows, account.PageSize + 1, call.JsonText("NextPageToken"));
        var results = new JsonArray();
        foreach (var month in page.GroupBy(r => r.Month))
        {
            results.Add(new JsonObject
            {
                ["TimePeriod"] = new JsonObject { ["Start"] = month.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["End"] = month.Key.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                ["Total"] = new JsonObject(),
                ["Groups"] = new JsonArray([.. month.Select(r => (JsonNode)new JsonObject
                {
                    ["Keys"] = new JsonArray([.. r.Keys.Select(k => (JsonNode)JsonValue.Create(k)!)]),
                    ["Metrics"] = new JsonObject
                    {
                        [metric] = new JsonObject { ["Amount"] = r.Amount.ToString("0.0000000000", CultureInfo.InvariantCulture), ["Unit"] = "USD" },
                    },
                })]),
                ["Estimated"] = false,
            });
        }

        var answer = new JsonObject { ["GroupDefinitions"] = new JsonArray(), ["ResultsByTime"] = results, ["DimensionValueAttributes"] = new JsonArray() };
        if (next is not null)
        {
            answer["NextPageToken"] = next;
        }

        return answer;
    }

    /// <summary>
    /// A Filter on the SERVICE dimension — <c>{"Dimensions":{"Key":"SERVICE","Values":[…]}}</c> or its <c>Not</c> — as the
    /// set of services it lets through; no filter lets every service through. Any other expression is refused.
    /// </summary>
    private static (string Text, Func<string, bool> Admits) ServiceFilter(JsonNode? filter)
    {
        if (filter is null)
        {
            return ("", static _ => true);
        }

        var negated = filter is JsonObject { Count: 1 } outer && outer.ContainsKey("Not");
        var expression = negated ? filter["Not"] : filter;
        if (expression is not JsonObject { Count: 1 } simple || simple["Dimensions"] is not JsonObject dimensions
            || dimensions["Key"] is not JsonValue key || key.ToString() != "SERVICE" || dimensions["Values"] is not JsonArray values)
        {
            throw new FakeAwsException("ValidationException", "The fake serves a Filter on the SERVICE dimension (Dimensions, or Not of it) only.");
        }

        var services = values.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (services.Count == 0)
        {
            throw new FakeAwsException("ValidationException", "A SERVICE filter must name at least one service.");
        }

        return ((negated ? "not:" : "") + string.Join(',', services.Order(StringComparer.Ordinal)), s => services.Contains(s) != negated);
    }

    /// <summary>DynamoDB pages by table name (LastEvaluatedTableName → ExclusiveStartTableName), as the real service does.</summary>
    private static JsonObject ListTables(FakeAccount account, FakeCall call, FakeRegionData data)
    {
        var names = data.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var after = call.JsonText("ExclusiveStartTableName");
        var rest = after is null ? names : names.Where(n => string.CompareOrdinal(n, after) > 0).ToList();
        var page = rest.Take(Math.Min(call.JsonInt("Limit") ?? 100, account.PageSize)).ToList();
        var answer = new JsonObject { ["TableNames"] = new JsonArray([.. page.Select(n => (JsonNode)JsonValue.Create(n)!)]) };
        if (page.Count < rest.Count)
        {
            answer["LastEvaluatedTableName"] = page[^1];
        }

        return answer;
    }

    private static JsonObject DescribeTable(FakeAccount account, FakeCall call, FakeRegionData data)
    {
        var table = data.Tables.FirstOrDefault(t => t.Name == call.JsonText("TableName"))
                    ?? throw new FakeAwsException("ResourceNotFoundException", "Requested resource not found");
        return new JsonObject
        {
            ["Table"] = new JsonObject
            {
                ["TableName"] = table.Name,
                ["TableArn"] = TableArn(account, call.Region, table.Name),
                ["TableStatus"] = table.Status,
                ["CreationDateTime"] = 1767225600.0,
            },
        };
    }

    private static JsonObject ListTagsOfResource(FakeAccount account, PageTokens tokens, FakeCall call, FakeRegionData data)
    {
        var arn = call.JsonText("ResourceArn");
        var table = data.Tables.FirstOrDefault(t => TableArn(account, call.Region, t.Name) == arn)
                    ?? throw new FakeAwsException("ResourceNotFoundException", "Requested resource not found");
        var (page, next) = tokens.Page($"{arn}/tags", table.Tags, account.PageSize, call.JsonText("NextToken"));
        var answer = new JsonObject { ["Tags"] = Tags(page, "Key", "Value") };
        if (next is not null)
        {
            answer["NextToken"] = next;
        }

        return answer;
    }

    private static JsonObject ListKeys(FakeAccount account, PageTokens tokens, FakeCall call, FakeRegionData data)
    {
        var (page, next) = tokens.Page($"{call.Region}/ListKeys", data.Keys, Math.Min(call.JsonInt("Limit") ?? 100, account.PageSize), call.JsonText("Marker"));
        return Marked(new JsonObject
        {
            ["Keys"] = new JsonArray([.. page.Select(k => (JsonNode)new JsonObject { ["KeyId"] = k.KeyId, ["KeyArn"] = KeyArn(account, call.Region, k.KeyId) })]),
        }, next);
    }

    private static JsonObject ListAliases(FakeAccount account, PageTokens tokens, FakeCall call, FakeRegionData data)
    {
        var aliases = data.Keys.SelectMany(k => k.Aliases.Select(a => (Alias: a, k.KeyId))).ToList();
        var (page, next) = tokens.Page($"{call.Region}/ListAliases", aliases, Math.Min(call.JsonInt("Limit") ?? 50, account.PageSize), call.JsonText("Marker"));
        return Marked(new JsonObject
        {
            ["Aliases"] = new JsonArray([.. page.Select(a => (JsonNode)new JsonObject
            {
                ["AliasName"] = a.Alias,
                ["AliasArn"] = $"arn:aws:kms:{call.Region}:{account.AccountId}:{a.Alias}",
                ["TargetKeyId"] = a.KeyId,
            })]),
        }, next);
    }

    private static JsonObject DescribeKey(FakeAccount account, FakeCall call, FakeRegionData data)
    {
        var key = data.Keys.FirstOrDefault(k => k.KeyId == call.JsonText("KeyId")) ?? throw new FakeAwsException("NotFoundException", "Key not found");
        return new JsonObject
        {
            ["KeyMetadata"] = new JsonObject
            {
                ["AWSAccountId"] = account.AccountId,
                ["KeyId"] = key.KeyId,
                ["Arn"] = KeyArn(account, call.Region, key.KeyId),
                ["CreationDate"] = 1767225600.0,
                ["Enabled"] = key.State == "Enabled",
                ["KeyManager"] = key.Manager,
                ["KeyState"] = key.State,
                ["Description"] = "",
            },
        };
    }

    private static JsonObject ListResourceTags(FakeAccount account, PageTokens tokens, FakeCall call, FakeRegionData data)
    {
        var key = data.Keys.FirstOrDefault(k => k.KeyId == call.JsonText("KeyId")) ?? throw new FakeAwsException("NotFoundException", "Key not found");
        var (page, next) = tokens.Page($"{call.Region}/{key.KeyId}/tags", key.Tags, account.PageSize, call.JsonText("Marker"));
        return Marked(new JsonObject { ["Tags"] = Tags(page, "TagKey", "TagValue") }, next);
    }

    private static JsonObject Marked(JsonObject answer, string? next)
    {
        answer["Truncated"] = next is not null;
        if (next is not null)
        {
            answer["NextMarker"] = next;
        }

        return answer;
    }

    private static JsonArray Tags(IEnumerable<FakeTag> tags, string keyName, string valueName) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { [keyName] = t.Key, [valueName] = t.Value })]);

    public static string TableArn(FakeAccount account, string region, string name) => $"arn:aws:dynamodb:{region}:{account.AccountId}:table/{name}";

    public static string KeyArn(FakeAccount account, string region, string keyId) => $"arn:aws:kms:{region}:{account.AccountId}:key/{keyId}";

    internal static JsonObject ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new FakeAwsException("SerializationException", "The body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FakeAwsException("SerializationException", ex.Message);
        }
    }
}
