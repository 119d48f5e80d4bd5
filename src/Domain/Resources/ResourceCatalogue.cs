using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FinOps.Domain.Resources;

/// <summary>The one place that knows every resource type the product scans.</summary>
public static class ResourceCatalogue
{
    /// <summary>The keyword that means every cost-generating type.</summary>
    public const string AllKeyword = "all";

    /// <summary>The pseudo-region of global resources that have no home region.</summary>
    public const string GlobalRegion = "global";

    private const string Ec2Compute = "Amazon Elastic Compute Cloud - Compute";
    private const string Ec2Other = "EC2 - Other";

    /// <summary>Every known type, cost-generating first, in a stable order.</summary>
    public static ImmutableArray<ResourceTypeInfo> All { get; } =
    [
        CostType("ec2:instance", Ec2Compute, InventoryMethod.Ec2),
        CostType("ec2:volume", Ec2Other, InventoryMethod.Ec2),
        CostType("ec2:snapshot", Ec2Other, InventoryMethod.Ec2),
        CostType("ec2:elastic-ip", Ec2Other, InventoryMethod.Ec2, "ec2:elastic-ip"),
        CostType("ec2:natgateway", Ec2Other, InventoryMethod.Ec2, "ec2:natgateway"),
        CostType("lambda:function", "AWS Lambda"),
        CostType("ecs:cluster", "Amazon Elastic Container Service"),
        CostType("ecs:service", "Amazon Elastic Container Service"),
        CostType("eks:cluster", "Amazon Elastic Container Service for Kubernetes"),
        CostType("eks:nodegroup", "Amazon Elastic Container Service for Kubernetes"),
        GlobalCostType("s3:bucket", "Amazon Simple Storage Service", InventoryMethod.S3),
        CostType("elasticfilesystem:file-system", "Amazon Elastic File System"),
        CostType("fsx:file-system", "Amazon FSx"),
        CostType("rds:db", "Amazon Relational Database Service"),
        CostType("rds:cluster", "Amazon Relational Database Service"),
        CostType("dynamodb:table", "Amazon DynamoDB", InventoryMethod.DynamoDb),
        CostType("elasticache:cluster", "Amazon ElastiCache"),
        CostType("redshift:cluster", "Amazon Redshift"),
        CostType("sagemaker:endpoint", "Amazon SageMaker"),
        CostType("sagemaker:notebook-instance", "Amazon SageMaker"),
        CostType("elasticloadbalancing:loadbalancer", "Amazon Elastic Load Balancing"),
        CostType("kinesis:stream", "Amazon Kinesis"),
        CostType("glue:job", "AWS Glue"),
        CostType("opensearch:domain", "Amazon OpenSearch Service", filter: "es:domain"),
        CostType("emr:cluster", "Amazon Elastic MapReduce", filter: "elasticmapreduce:cluster"),
        CostType("secretsmanager:secret", "AWS Secrets Manager"),
        CostType("kms:key", "AWS Key Management Service", InventoryMethod.Kms),
        CostType("apigateway:restapi", "Amazon API Gateway", filter: "apigateway:restapis"),
        GlobalCostType("cloudfront:distribution", "Amazon CloudFront"),
        GlobalCostType("route53:hostedzone", "Amazon Route 53"),
        CostType("stepfunctions:statemachine", "AWS Step Functions", filter: "states:stateMachine"),
        CostType("codebuild:project", "AWS CodeBuild"),
        FreeType("ec2:vpc", InventoryMethod.Ec2),
        FreeType("ec2:subnet", InventoryMethod.Ec2),
        FreeType("ec2:security-group", InventoryMethod.Ec2),
        FreeType("sqs:queue"),
        FreeType("sns:topic", filter: "sns"),
        FreeType("logs:log-group"),
        FreeType("cloudwatch:alarm"),
        FreeType("ecr:repository"),
        GlobalFreeType("iam:role"),
        GlobalFreeType("iam:user"),
        GlobalFreeType("iam:policy"),
    ];

    /// <summary>The types <c>"all"</c> expands to: every cost-generating type.</summary>
    public static ImmutableArray<ResourceTypeInfo> CostGenerating { get; } = [.. All.Where(t => t.GeneratesCost)];

    /// <summary>The scannable-on-request free types.</summary>
    public static ImmutableArray<ResourceTypeInfo> FreeOfCharge { get; } = [.. All.Where(t => !t.GeneratesCost)];

    /// <summary>Cost Explorer services that can never carry a tag: reported as untaggable spend, never gap.</summary>
    public static FrozenSet<string> UntaggableServices { get; } = new[]
    {
        "Tax",
        "AWS Support (Basic)",
        "AWS Support (Developer)",
        "AWS Support (Business)",
        "AWS Support (Enterprise)",
        "AWS Marketplace",
        "AWS Data Transfer",
        "AWS Cost Explorer",
        "Refund",
        "Savings Plans for AWS Compute usage",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ResourceTypeInfo> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ImmutableArray<ResourceTypeInfo>> ByCostService =
        CostGenerating.GroupBy(t => t.CostService!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>Every type name, in catalogue order, for error messages.</summary>
    public static string ValidTypeList { get; } = string.Join(", ", All.Select(t => t.Name));

    /// <summary>Looks up a type by its exact code.</summary>
    public static bool TryGet(string name, out ResourceTypeInfo type) =>
        ByName.TryGetValue(name, out type!);

    /// <summary>Looks up a type that must exist.</summary>
    public static ResourceTypeInfo Get(string name) =>
        TryGet(name, out var type)
            ? type
            : throw new UnknownResourceTypeException([name], $"Unknown resource type '{name}'. Valid types: {ValidTypeList}.");

    /// <summary>Whether the type is listed once per account.</summary>
    public static bool IsGlobal(string name) => TryGet(name, out var t) && t.IsGlobal;

    /// <summary>The cost-generating types whose spend appears under a Cost Explorer service.</summary>
    public static ImmutableArray<ResourceTypeInfo> TypesCostingUnder(string costService) =>
        ByCostService.TryGetValue(costService, out var types) ? types : [];

    /// <summary>Whether a Cost Explorer service's spend can never be tagged.</summary>
    public static bool IsUntaggable(string costService) =>
        UntaggableServices.Contains(costService) || costService.StartsWith("AWS Support", StringComparison.Ordinal);

    /// <summary>
    /// Resolves a request such as <c>["all"]</c> or <c>["ec2:instance","s3:bucket"]</c> into catalogue types,
    /// de-duplicated and in catalogue order. Unknown names are an error that lists the valid types.
    /// </summary>
    public static ImmutableArray<ResourceTypeInfo> Resolve(IEnumerable<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var names = requested.Select(n => n?.Trim() ?? "").ToList();
        if (names.Count == 0)
        {
            throw new UnknownResourceTypeException([],
                $"No resource types requested. Use \"{AllKeyword}\" or any of: {ValidTypeList}.");
        }

        var unknown = names.Where(n => n != AllKeyword && !ByName.ContainsKey(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var quoted = string.Join(", ", unknown.Select(u => $"'{u}'"));
            throw new UnknownResourceTypeException(unknown,
                $"Unknown resource type{(unknown.Count > 1 ? "s" : "")} {quoted}. Use \"{AllKeyword}\" or any of: {ValidTypeList}.");
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name == AllKeyword)
            {
                wanted.UnionWith(CostGenerating.Select(t => t.Name));
            }
            else
            {
                wanted.Add(name);
            }
        }

        return [.. All.Where(t => wanted.Contains(t.Name))];
    }

    /// <summary>
    /// Resolves a request for cost-bearing types only (cost attribution, untagged-spend questions):
    /// a request made only of free types is an error that names them and lists the cost-generating types.
    /// </summary>
    public static ImmutableArray<ResourceTypeInfo> ResolveCostGenerating(IEnumerable<string> requested)
    {
        var types = Resolve(requested);
        var costTypes = types.Where(t => t.GeneratesCost).ToImmutableArray();
        if (costTypes.IsEmpty)
        {
            var names = string.Join(", ", types.Select(t => $"'{t.Name}'"));
            throw new UnknownResourceTypeException([.. types.Select(t => t.Name)],
                $"{names} generate{(types.Length == 1 ? "s" : "")} no cost. Cost-generating types: " +
                string.Join(", ", CostGenerating.Select(t => t.Name)) + ".");
        }

        return costTypes;
    }

    private static ResourceTypeInfo CostType(string name, string costService,
        InventoryMethod inventory = InventoryMethod.TaggingApi, string? filter = null) =>
        new(name, IsGlobal: false, GeneratesCost: true, costService, inventory, filter ?? name);

    private static ResourceTypeInfo GlobalCostType(string name, string costService,
        InventoryMethod inventory = InventoryMethod.TaggingApi) =>
        new(name, IsGlobal: true, GeneratesCost: true, costService, inventory, name);

    private static ResourceTypeInfo FreeType(string name,
        InventoryMethod inventory = InventoryMethod.TaggingApi, string? filter = null) =>
        new(name, IsGlobal: false, GeneratesCost: false, CostService: null, inventory, filter ?? name);

    private static ResourceTypeInfo GlobalFreeType(string name) =>
        new(name, IsGlobal: true, GeneratesCost: false, CostService: null, InventoryMethod.TaggingApi, name);
}
