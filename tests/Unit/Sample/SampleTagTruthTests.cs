using FinOps.Aws.Sample;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Sample;

public class SampleTagTruthTests(SampleAccountFixture sample) : IClassFixture<SampleAccountFixture>
{
    [Fact]
    public async Task Truth_knows_the_intended_tags_of_every_resource_the_untagged_ones_included()
    {
        var truth = await sample.Account.GetTagTruthAsync(CancellationToken.None);

        Assert.Equal(sample.Resources.Count, truth.Count);
        var untagged = sample.Resources.Where(r => r.Tags.IsEmpty).ToList();
        Assert.NotEmpty(untagged);
        Assert.All(untagged, r =>
        {
            Assert.Contains(truth.IntendedValue(r.Arn, "Environment"), (string[])["production", "staging", "development"]);
            Assert.Matches("^[a-z][a-z0-9-]+$", truth.IntendedValue(r.Arn, "Application"));
        });
    }

    [Fact]
    public async Task Every_value_the_policy_accepts_is_the_intended_one_so_only_the_generators_mistakes_differ()
    {
        var truth = await sample.Account.GetTagTruthAsync(CancellationToken.None);
        var compared = 0;
        var mistaken = 0;

        foreach (var resource in sample.Resources)
        {
            foreach (var key in SampleTagTruth.Keys)
            {
                if (resource.TagValue(key) is not { } value)
                {
                    continue;
                }

                // Judged as on an S3 bucket, where every rule of the shipped policy applies.
                var found = new List<TagViolation>();
                sample.Evaluator.Evaluate("s3:bucket", [new Tag(key, value)], found);
                if (found.Any(v => v.TagKey == key && v.Kind is ViolationKind.InvalidValue or ViolationKind.InvalidFormat))
                {
                    mistaken++;
                    continue;
                }

                compared++;
                Assert.Equal(truth.IntendedValue(resource.Arn, key), value);
            }
        }

        Assert.True(compared > 10_000, $"{compared} valid tags compared");
        Assert.True(mistaken > 100, $"{mistaken} invalid values seen");
    }

    [Fact]
    public async Task An_unknown_arn_or_key_has_no_intended_value()
    {
        var truth = await sample.Account.GetTagTruthAsync(CancellationToken.None);
        var arn = sample.Resources[0].Arn;

        Assert.Null(truth.IntendedValue("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000nothere", "Environment"));
        Assert.Null(truth.IntendedValue(arn, "Name"));
        Assert.NotNull(truth.IntendedValue(arn, "Owner"));
    }
}
