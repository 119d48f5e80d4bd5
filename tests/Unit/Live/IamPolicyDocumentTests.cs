using System.Text.Json;
using FinOps.Aws.Live;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Live;

public sealed class IamPolicyDocumentTests
{
    /// <summary>Set to regenerate docs/iam-policy.json from <see cref="AwsCalls.All"/>.</summary>
    private const string RegenerateVariable = "FINOPS_WRITE_IAM_POLICY";

    [Fact]
    public void The_shipped_policy_is_exactly_the_one_generated_from_the_call_list()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "iam-policy.json");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllText(path, IamPolicyDocument.Render());
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the unit tests with {RegenerateVariable}=1 to write it.");
        Assert.Equal(IamPolicyDocument.Render(), File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_policy_allows_every_listed_action_and_nothing_else()
    {
        using var policy = JsonDocument.Parse(IamPolicyDocument.Render());

        var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray());
        var actions = statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()).ToList();

        Assert.Equal("2012-10-17", policy.RootElement.GetProperty("Version").GetString());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal(AwsCalls.All.Select(c => c.IamAction).Distinct().Order(StringComparer.Ordinal), actions);
    }

    [Fact]
    public void The_policy_is_read_only()
    {
        Assert.All(IamPolicyDocument.Actions, action =>
        {
            var verb = action[(action.IndexOf(':') + 1)..];
            Assert.True(verb.StartsWith("Describe", StringComparison.Ordinal) || verb.StartsWith("List", StringComparison.Ordinal)
                || verb.StartsWith("Get", StringComparison.Ordinal), $"{action} is not a read-only action");
        });
    }

    [Fact]
    public void Every_catalogue_type_is_listed_by_calls_the_policy_allows()
    {
        Assert.All(ResourceCatalogue.All, type =>
        {
            var calls = AwsCalls.ForType(type);
            Assert.NotEmpty(calls);
            Assert.All(calls, c => Assert.Contains(c.IamAction, IamPolicyDocument.Actions));
        });
        Assert.Contains("ec2:DescribeRegions", IamPolicyDocument.Actions);
        Assert.Contains("ce:GetCostAndUsage", IamPolicyDocument.Actions);
        Assert.Contains("tag:GetResources", IamPolicyDocument.Actions);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinOpsDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FinOpsDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
