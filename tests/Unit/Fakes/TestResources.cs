using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Fakes;

/// <summary>Resources shaped for <see cref="ScanHarness.PolicyJson"/>: compliant ones carry a valid <c>CostCenter</c>.</summary>
public static class TestResources
{
    public const string AccountId = "123456789012";

    /// <summary>Types the harness policy puts in scope (CostCenter required).</summary>
    public static readonly string[] InScopeTypes = ["ec2:instance", "ec2:volume", "rds:db", "s3:bucket", "iam:role"];

    /// <summary>Regional types used by scenarios (lambda functions are out of scope of the harness policy).</summary>
    public static readonly string[] RegionalTypes = ["ec2:instance", "ec2:volume", "rds:db", "lambda:function"];

    public static bool IsInScope(string type) => InScopeTypes.Contains(type);

    public static CloudResource Regional(string type, string region, int n, bool compliant = true)
    {
        var parts = type.Split(':');
        return new CloudResource($"arn:aws:{parts[0]}:{region}:{AccountId}:{parts[1]}/{region}-{n}", type, region, Tags(compliant));
    }

    public static CloudResource Bucket(string name, string homeRegion, bool compliant = true) =>
        new($"arn:aws:s3:::{name}", "s3:bucket", homeRegion, Tags(compliant), Name: name);

    public static CloudResource Role(string name, bool compliant = true) =>
        new($"arn:aws:iam::{AccountId}:role/{name}", "iam:role", ResourceCatalogue.GlobalRegion, Tags(compliant), Name: name);

    private static System.Collections.Immutable.ImmutableArray<Tag> Tags(bool compliant) =>
        compliant ? [new Tag("CostCenter", "CC-100")] : [new Tag("CostCenter", "CC-999")];
}
