using System.Globalization;
using System.Xml.Linq;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>EC2's query protocol: form-encoded Action requests, XML answers in the 2016-11-15 namespace.</summary>
public static class Ec2QueryProtocol
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static FakeResponse Handle(FakeAccount account, PageTokens tokens, FakeCall call)
    {
        var data = account.In(call.Region);
        return call.Operation switch
        {
            "DescribeRegions" => Ok(call, new XElement(Ns + "regionInfo",
                account.Regions
                    .Where(r => call.Param("AllRegions") == "true" || r.OptInStatus != "not-opted-in")
                    .Select(r => Item(
                        new XElement(Ns + "regionName", r.Name),
                        new XElement(Ns + "regionEndpoint", $"ec2.{r.Name}.amazonaws.com"),
                        new XElement(Ns + "optInStatus", r.OptInStatus))))),
            "DescribeInstances" => Paged(call, tokens, account, Of(data, "instance"), "reservationSet", i => Item(
                new XElement(Ns + "reservationId", "r-" + i.Id[2..]),
                new XElement(Ns + "ownerId", account.AccountId),
                new XElement(Ns + "instancesSet", Item(
                    new XElement(Ns + "instanceId", i.Id),
                    new XElement(Ns + "instanceState", new XElement(Ns + "code", StateCode(i.State)), new XElement(Ns + "name", i.State)),
                    Time("launchTime", i.Created),
                    Optional("vpcId", i.VpcId),
                    TagSet(i.Tags))))),
            "DescribeVolumes" => Paged(call, tokens, account, Of(data, "volume"), "volumeSet", v => Item(
                new XElement(Ns + "volumeId", v.Id),
                new XElement(Ns + "size", 8),
                Time("createTime", v.Created),
                new XElement(Ns + "status", v.State),
                TagSet(v.Tags))),
            "DescribeSnapshots" => Paged(call, tokens, account, Snapshots(account, data, call), "snapshotSet", s => Item(
                new XElement(Ns + "snapshotId", s.Id),
                new XElement(Ns + "ownerId", s.Extra ?? account.AccountId),
                Time("startTime", s.Created),
                new XElement(Ns + "status", s.State),
                TagSet(s.Tags))),
            "DescribeAddresses" => Ok(call, new XElement(Ns + "addressesSet", Of(data, "address").Select(a => Item(
                new XElement(Ns + "publicIp", a.Extra),
                new XElement(Ns + "allocationId", a.Id),
                new XElement(Ns + "domain", "vpc"),
                a.State == "associated" ? new XElement(Ns + "associationId", "eipassoc-" + a.Id[9..]) : null,
                TagSet(a.Tags))))),
            "DescribeNatGateways" => Paged(call, tokens, account, Of(data, "natgateway"), "natGatewaySet", n => Item(
                new XElement(Ns + "natGatewayId", n.Id),
                Optional("vpcId", n.VpcId),
                new XElement(Ns + "state", n.State),
                Time("createTime", n.Created),
                TagSet(n.Tags))),
            "DescribeVpcs" => Paged(call, tokens, account, Of(data, "vpc"), "vpcSet", v => Item(
                new XElement(Ns + "vpcId", v.Id),
                new XElement(Ns + "ownerId", account.AccountId),
                new XElement(Ns + "state", v.State ?? "available"),
                TagSet(v.Tags))),
            "DescribeSubnets" => Paged(call, tokens, account, Of(data, "subnet"), "subnetSet", s => Item(
                new XElement(Ns + "subnetId", s.Id),
                Optional("vpcId", s.VpcId),
                new XElement(Ns + "ownerId", account.AccountId),
                new XElement(Ns + "state", s.State ?? "available"),
                new XElement(Ns + "subnetArn", $"arn:aws:ec2:{call.Region}:{account.AccountId}:subnet/{s.Id}"),
                TagSet(s.Tags))),
            "DescribeSecurityGroups" => Paged(call, tokens, account, Of(data, "security-group"), "securityGroupInfo", g => Item(
                new XElement(Ns + "ownerId", account.AccountId),
                new XElement(Ns + "groupId", g.Id),
                new XElement(Ns + "groupName", g.Extra ?? "default"),
                Optional("vpcId", g.VpcId),
                new XElement(Ns + "securityGroupArn", $"arn:aws:ec2:{call.Region}:{account.AccountId}:security-group/{g.Id}"),
                TagSet(g.Tags))),
            _ => throw new FakeAwsException("InvalidAction", $"The action {call.Operation} is not valid for this web service."),
        };
    }

    public static FakeResponse Error(FakeAwsException error) => new(error.Status, "text/xml",
        new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
            new XElement("RequestID", Guid.NewGuid())).ToString(SaveOptions.DisableFormatting));

    /// <summary>Without OwnerIds=self EC2 also lists public snapshots of other accounts (Extra = their owner id).</summary>
    private static List<FakeEc2Resource> Snapshots(FakeAccount account, FakeRegionData data, FakeCall call)
    {
        var owners = call.Form.Where(p => p.Key.StartsWith("Owner.", StringComparison.Ordinal)).Select(p => p.Value.ToString()).ToList();
        var all = Of(data, "snapshot");
        return owners.Count == 0
            ? all
            : [.. all.Where(s => owners.Contains("self") && (s.Extra is null || s.Extra == account.AccountId) || s.Extra is not null && owners.Contains(s.Extra))];
    }

    private static List<FakeEc2Resource> Of(FakeRegionData data, string kind) => [.. data.Ec2.Where(r => r.Kind == kind)];

    private static FakeResponse Paged(FakeCall call, PageTokens tokens, FakeAccount account, List<FakeEc2Resource> items, string setName,
        Func<FakeEc2Resource, XElement> render)
    {
        var requested = int.TryParse(call.Param("MaxResults"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : int.MaxValue;
        var (page, next) = tokens.Page($"{call.Region}/{call.Operation}", items, Math.Min(requested, account.PageSize), call.Param("NextToken"));
        return Ok(call, new XElement(Ns + setName, page.Select(render)), next is null ? null : new XElement(Ns + "nextToken", next));
    }

    private static FakeResponse Ok(FakeCall call, params object?[] content) => new(200, "text/xml",
        new XElement(Ns + (call.Operation + "Response"), new XElement(Ns + "requestId", Guid.NewGuid()), content)
            .ToString(SaveOptions.DisableFormatting));

    private static XElement Item(params object?[] content) => new(Ns + "item", content);

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(Ns + name, value);

    private static XElement? Time(string name, DateTime? value) =>
        value is { } v ? new XElement(Ns + name, v.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)) : null;

    /// <summary>No tags at all → no tagSet element (the SDK v4 then leaves the collection null).</summary>
    private static XElement? TagSet(IReadOnlyList<FakeTag>? tags) => tags is null
        ? null
        : new XElement(Ns + "tagSet", tags.Select(t => Item(new XElement(Ns + "key", t.Key), new XElement(Ns + "value", t.Value))));

    private static int StateCode(string? state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        _ => 80,
    };
}
