using System.Collections.Immutable;
using FinOps.Domain.Resources;
using FinOps.Domain.Waivers;

namespace FinOps.Tests.Unit.Waivers;

public sealed class WaiverScopeTests
{
    private static CloudResource Resource(string name, params Tag[] tags) =>
        new("arn:aws:ec2:us-east-1:123456789012:instance/i-1", "ec2:instance", "us-east-1", [.. tags], name);

    [Theory]
    [InlineData("web-*", "web-01", true)]
    [InlineData("web-*", "WEB-02", true)]
    [InlineData("web-?", "web-1", true)]
    [InlineData("web-?", "web-12", false)]
    [InlineData("web.(1)", "web.(1)", true)]
    [InlineData("web", "web-1", false)]
    public void Name_globs_match_the_whole_name(string glob, string name, bool expected)
    {
        var scope = WaiverScope.TryCreate(null, "ec2:instance", "*", glob, null, out var error);
        Assert.Null(error);
        Assert.Equal(expected, scope!.Covers(Resource(name)));
    }

    [Fact]
    public void Tag_patterns_match_the_exact_key_and_a_value_glob_in_the_scope_region_and_type()
    {
        var scope = WaiverScope.TryCreate(null, "ec2:instance", "us-east-1", null, "Team=data-*", out _)!;
        Assert.True(scope.Covers(Resource("x", new Tag("Team", "data-eng"))));
        Assert.False(scope.Covers(Resource("x", new Tag("team", "data-eng"))));
        Assert.False(scope.Covers(Resource("x", new Tag("Team", "web"))));
        Assert.False(scope.Covers(Resource("x", new Tag("Team", "data-eng")) with { Region = "eu-west-1" }));
        Assert.False(scope.Covers(Resource("x", new Tag("Team", "data-eng")) with { Type = "rds:db" }));
        Assert.Equal("ec2:instance in us-east-1 with tag Team=data-*", scope.ToString());
    }

    [Fact]
    public void The_book_gives_the_latest_expiry_of_the_waivers_covering_a_key_or_every_key()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var r = Resource("web-1");
        var byArn = WaiverScope.TryCreate(r.Arn, null, null, null, null, out _)!;
        var byName = WaiverScope.TryCreate(null, "ec2:instance", "*", "web-*", null, out _)!;
        ImmutableArray<Waiver> waivers =
        [
            new("a", byArn, "Owner", "r", "x", now, now.AddDays(5), WaiverStatus.Approved),
            new("b", byName, null, "r", "x", now, now.AddDays(3), WaiverStatus.Approved),
            new("c", byName, "Owner", "r", "x", now, now.AddDays(9), WaiverStatus.Pending),
            new("d", byName, "Owner", "r", "x", now, now.AddDays(9), WaiverStatus.Revoked),
        ];
        var book = WaiverBook.At(waivers, 7, now);
        Assert.Equal(now.AddDays(5), book.WaivedUntil(r, "Owner"));
        Assert.Equal(now.AddDays(3), book.WaivedUntil(r, "CostCenter"));
        Assert.Null(book.WaivedUntil(r with { Arn = "arn:aws:ec2:us-east-1:1:instance/other", Name = "db" }, "Owner"));
        Assert.Equal(now.AddDays(3), book.ValidUntil);
        Assert.True(book.Describes(7, now.AddDays(3).AddTicks(-1)));
        Assert.False(book.Describes(7, now.AddDays(3)));
        Assert.False(book.Describes(8, now));
    }
}
