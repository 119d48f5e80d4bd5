using System.Xml.Linq;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>STS's query protocol (GetCallerIdentity).</summary>
public static class StsQueryProtocol
{
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static FakeResponse Handle(FakeAccount account, FakeCall call) => call.Operation switch
    {
        "GetCallerIdentity" => new FakeResponse(200, "text/xml", new XElement(Ns + "GetCallerIdentityResponse",
            new XElement(Ns + "GetCallerIdentityResult",
                new XElement(Ns + "Arn", account.CallerArn),
                new XElement(Ns + "UserId", account.UserId),
                new XElement(Ns + "Account", account.AccountId)),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", Guid.NewGuid()))).ToString(SaveOptions.DisableFormatting)),
        _ => throw new FakeAwsException("InvalidAction", $"Could not find operation {call.Operation} for version 2011-06-15"),
    };

    public static FakeResponse Error(FakeAwsException error) => new(error.Status, "text/xml",
        new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error",
                new XElement(Ns + "Type", error.Status >= 500 ? "Receiver" : "Sender"),
                new XElement(Ns + "Code", error.Code),
                new XElement(Ns + "Message", error.Message)),
            new XElement(Ns + "RequestId", Guid.NewGuid())).ToString(SaveOptions.DisableFormatting));
}
