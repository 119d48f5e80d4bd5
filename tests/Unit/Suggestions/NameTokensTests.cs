using FinOps.Domain.Suggestions;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class NameTokensTests
{
    [Theory]
    [InlineData("/aws/lambda/Checkout-prod_cleanup.4", "aws lambda checkout prod cleanup 4")]
    [InlineData("inventory-stg-exports-74bc8c24", "inventory stg exports 74bc8c24")]
    [InlineData("payments-api/production/orders-3", "payments api production orders 3")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Name_words_are_lower_case_and_split_at_every_punctuation(string? name, string words) =>
        Assert.Equal(words, string.Join(' ', NameTokens.Of(name)));

    [Theory]
    [InlineData("Inventory_stg/other-1", 2)]
    [InlineData("inventory-stg-exports-99", 3)]
    [InlineData("inventorystg", 0)]
    [InlineData(null, 0)]
    public void Leading_words_are_shared_whatever_the_letter_case_or_separator(string? other, int shared) =>
        Assert.Equal(shared, NameTokens.SharedLeading(NameTokens.Of("inventory-stg-exports-1"), other));

    [Fact]
    public void Names_starting_with_the_same_words_hash_alike_up_to_where_they_differ()
    {
        Span<ulong> first = stackalloc ulong[NameTokens.MaxSharedLeading];
        Span<ulong> second = stackalloc ulong[NameTokens.MaxSharedLeading];

        var a = NameTokens.LeadingHashes("web-prod-api-1", first);
        var b = NameTokens.LeadingHashes("Web_Prod.worker", second);

        Assert.Equal((4, 3), (a, b));
        Assert.Equal(first[..2].ToArray(), second[..2].ToArray());
        Assert.NotEqual(first[2], second[2]);
    }

    [Fact]
    public void Pre_prod_in_a_name_is_staging_not_production()
    {
        var words = NameTokens.Of("ledger-pre-prod-db");

        Assert.Equal("staging", DeploymentStages.At(words, 1, out var length));
        Assert.Equal(2, length);
        Assert.Equal("production", DeploymentStages.At(words, 2, out _));
    }
}
