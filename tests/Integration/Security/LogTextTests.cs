using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("a\nb", "a\\u000Ab")]
    [InlineData("a\r\nb", "a\\u000D\\u000Ab")]
    [InlineData("a\u2028b\u2029c\u0085d", "a\\u2028b\\u2029c\\u0085d")]
    [InlineData("evil\u202Etxt.exe", "evil\\u202Etxt.exe")]
    [InlineData("tab\tand\u001b[31mescape", "tab\\u0009and\\u001B[31mescape")]
    [InlineData("emoji 😀 and é stay", "emoji 😀 and é stay")]
    [InlineData("plain text: ok", "plain text: ok")]
    [InlineData(null, "")]
    public void Control_characters_are_shown_as_escapes(string? text, string expected) =>
        Assert.Equal(expected, LogText.Clean(text));

    [Fact]
    public void A_lone_surrogate_is_shown_as_an_escape_and_a_pair_is_kept() =>
        Assert.Equal("lone \\uDFFF, paired \U0001F600", LogText.Clean("lone \udfff, paired \U0001F600"));

    [Fact]
    public void Text_is_shortened_to_300_characters() =>
        Assert.Equal(new string('x', 300) + "…", LogText.Clean(new string('x', 1000)));
}
