using System.Text.RegularExpressions;
using FinOps.Domain.Policy;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Policy;

/// <summary>Compiling and matching tag value patterns.</summary>
public sealed class TagValuePatternTests
{
    private static TagValuePattern Compile(string pattern, bool ignoreCase = false) =>
        TagValuePattern.TryCreate(pattern, ignoreCase, out var compiled, out var error)
            ? compiled
            : throw new InvalidOperationException(error);

    [Theory]
    [InlineData("a|b", "a", true)]
    [InlineData("a|b", "ab", false)]
    [InlineData("^a", "ab", false)]
    [InlineData("a$", "a", true)]
    [InlineData("a$", "a\n", false)]
    [InlineData("(?m)^a$", "a\nb", false)]
    [InlineData(@"(?x) a b  \# c", "ab#c", true)]
    public void Pattern_matches_only_the_whole_value(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Compile(pattern).IsMatch(value));

    [Fact]
    public void Ignoring_case_applies_to_the_pattern()
    {
        Assert.True(Compile("[a-z]+-prod", ignoreCase: true).IsMatch("Billing-PROD"));
        Assert.False(Compile("[a-z]+-prod").IsMatch("Billing-PROD"));
    }

    [Theory]
    [InlineData("(?=a)a")]
    [InlineData("(?<!x)y")]
    [InlineData(@"(a)\1")]
    [InlineData("(?>a+)b")]
    [InlineData("(?(a)a|b)")]
    public void Constructs_that_need_backtracking_are_refused(string pattern)
    {
        Assert.False(TagValuePattern.TryCreate(pattern, false, out _, out var error));
        Assert.Contains("cannot run in linear time", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(a+)+b")]
    [InlineData("(a|aa)+c")]
    [InlineData("(.*a){12}x")]
    public void Regex_bomb_patterns_run_in_linear_time(string pattern)
    {
        // A backtracking engine would need longer than the age of the universe here; this returns at once.
        var value = new string('a', 20_000);

        Assert.False(Compile(pattern).IsMatch(value));
        Assert.False(Compile(pattern).IsMatch(value[..100]));
    }

    [Fact]
    public void Remembered_outcomes_never_change_answers_when_values_collide()
    {
        var pattern = Compile("[a-z]+[0-9]");
        var values = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? $"team{i}" : $"team-{i}").ToList();

        var first = values.Select(pattern.IsMatch).ToList();
        var second = values.Select(pattern.IsMatch).ToList();

        Assert.Equal(values.Select(v => Regex.IsMatch(v, "^(?:[a-z]+[0-9])\\z")), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Values_longer_than_AWS_allows_are_still_matched()
    {
        var pattern = Compile("[a-z]+");

        Assert.True(pattern.IsMatch(new string('a', 5_000)));
        Assert.False(pattern.IsMatch(new string('a', 5_000) + "A"));
    }

    [Property(MaxTest = 300)]
    public Property Matching_agrees_with_an_anchored_reference_regex_on_repeated_calls()
    {
        string[] patterns = ["[a-c]+", "a*b", "(ab|c)+", "[^@]+@x\\.io", "c?a{2,3}", ".*b.*"];
        var gen =
            from pattern in Gen.Elements(patterns)
            from values in Gen.ListOf(Gen.Elements('a', 'b', 'c', '@', '.', 'x', 'i', 'o').ArrayOf().Select(cs => new string(cs)))
            select (pattern, values);

        return Prop.ForAll(Arb.From(gen), input =>
        {
            var compiled = Compile(input.pattern);
            var reference = new Regex($"^(?:{input.pattern})\\z");
            return input.values.Concat(input.values).All(v => compiled.IsMatch(v) == reference.IsMatch(v));
        });
    }
}
