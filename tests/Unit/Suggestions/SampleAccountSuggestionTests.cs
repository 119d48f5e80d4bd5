using FinOps.Domain.Suggestions;
using FinOps.Tests.Unit.Sample;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class SampleAccountSuggestionTests(SampleAccountFixture sample) : IClassFixture<SampleAccountFixture>
{
    [Fact]
    public async Task The_untagged_staging_exports_bucket_of_inventory_is_offered_staging_and_inventory_first()
    {
        var result = SuggestionScan.Of(sample.Resources);
        var bucket = Assert.Single(result.Resources, r => r.Resource.Name?.StartsWith("inventory-stg-exports-", StringComparison.Ordinal) == true);
        var truth = await sample.Account.GetTagTruthAsync(CancellationToken.None);

        var suggestions = TagSuggester.Suggest(result, bucket);

        var environment = suggestions.First(s => s.TagKey == "Environment");
        var application = suggestions.First(s => s.TagKey == "Application");
        Assert.Equal(("staging", "high"), (environment.Value, environment.ConfidenceLabel));
        Assert.Equal(("inventory", "high"), (application.Value, application.ConfidenceLabel));
        Assert.All(suggestions.Where(s => truth.IntendedValue(bucket.Arn, s.TagKey) is not null).GroupBy(s => s.TagKey),
            key => Assert.Equal(truth.IntendedValue(bucket.Arn, key.Key), key.First().Value));
    }
}
