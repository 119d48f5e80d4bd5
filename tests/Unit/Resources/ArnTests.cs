using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Resources;

/// <summary>Parsing Amazon Resource Names.</summary>
public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc123", "aws", "ec2", "us-east-1", "123456789012", "instance/i-0abc123", "i-0abc123")]
    [InlineData("arn:aws:ec2:eu-west-1:123456789012:volume/vol-1", "aws", "ec2", "eu-west-1", "123456789012", "volume/vol-1", "vol-1")]
    [InlineData("arn:aws:s3:::my-bucket", "aws", "s3", "", "", "my-bucket", "my-bucket")]
    [InlineData("arn:aws:iam::123456789012:role/service-role/Deployer", "aws", "iam", "", "123456789012", "role/service-role/Deployer", "Deployer")]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess", "aws", "iam", "", "aws", "policy/AdministratorAccess", "AdministratorAccess")]
    [InlineData("arn:aws:lambda:us-west-2:123456789012:function:orders-api:live", "aws", "lambda", "us-west-2", "123456789012", "function:orders-api:live", "live")]
    [InlineData("arn:aws:rds:ap-south-1:123456789012:db:orders-db", "aws", "rds", "ap-south-1", "123456789012", "db:orders-db", "orders-db")]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Orders", "aws", "dynamodb", "us-east-1", "123456789012", "table/Orders", "Orders")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188", "aws", "elasticloadbalancing", "us-east-1", "123456789012", "loadbalancer/app/web/50dc6c495c0c9188", "50dc6c495c0c9188")]
    [InlineData("arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE", "aws", "cloudfront", "", "123456789012", "distribution/E2QWRUHEXAMPLE", "E2QWRUHEXAMPLE")]
    [InlineData("arn:aws:route53:::hostedzone/Z1D633PJN98FT9", "aws", "route53", "", "", "hostedzone/Z1D633PJN98FT9", "Z1D633PJN98FT9")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:*", "aws", "logs", "us-east-1", "123456789012", "log-group:/aws/lambda/orders:*", "*")]
    [InlineData("arn:aws-cn:ec2:cn-north-1:123456789012:vpc/vpc-1", "aws-cn", "ec2", "cn-north-1", "123456789012", "vpc/vpc-1", "vpc-1")]
    [InlineData("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts", "aws-us-gov", "sns", "us-gov-west-1", "123456789012", "alerts", "alerts")]
    [InlineData("arn:aws:states:eu-central-1:123456789012:stateMachine:Checkout", "aws", "states", "eu-central-1", "123456789012", "stateMachine:Checkout", "Checkout")]
    public void Valid_ARN_is_split_into_its_parts(string text, string partition, string service, string region, string account, string resource, string id)
    {
        var arn = Arn.Parse(text);

        Assert.Equal((partition, service, region, account, resource), (arn.Partition, arn.Service, arn.Region, arn.Account, arn.Resource));
        Assert.Equal(id, arn.ResourceId);
        Assert.Equal(text, arn.ToString());
        Assert.True(Arn.TryParse(text, out var again, out var error));
        Assert.Null(error);
        Assert.Equal(arn, again);
    }

    [Theory]
    [InlineData(null, "An ARN is required")]
    [InlineData("", "An ARN is required")]
    [InlineData("   ", "An ARN is required")]
    [InlineData("i-0abc123", "must start with 'arn:'")]
    [InlineData("ARN:aws:s3:::bucket", "must start with 'arn:'")]
    [InlineData("arn:aws:s3:bucket", "has 4 of the 6 colon-separated parts")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012", "has 5 of the 6 colon-separated parts")]
    [InlineData("arn::s3:::bucket", "invalid partition ''")]
    [InlineData("arn:AWS:s3:::bucket", "invalid partition 'AWS'")]
    [InlineData("arn:aws::us-east-1:123456789012:thing", "invalid service ''")]
    [InlineData("arn:aws:EC2:us-east-1:123456789012:instance/i-1", "invalid service 'EC2'")]
    [InlineData("arn:aws:ec2:US_EAST_1:123456789012:instance/i-1", "invalid region 'US_EAST_1'")]
    [InlineData("arn:aws:ec2:us-east-1:12345:instance/i-1", "invalid account id '12345'")]
    [InlineData("arn:aws:ec2:us-east-1:12345678901x:instance/i-1", "invalid account id '12345678901x'")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:", "has no resource part")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i 1", "whitespace or control characters")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:instance/i-1\n", "whitespace or control characters")]
    public void Malformed_ARN_is_rejected_with_a_message_saying_what_is_wrong(string? text, string problem)
    {
        Assert.False(Arn.TryParse(text, out var arn, out var error));
        Assert.Equal(default, arn);
        Assert.Contains(problem, error, StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => Arn.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Malformed_ARN_message_quotes_the_text_and_the_expected_form()
    {
        Assert.False(Arn.TryParse("arn:aws:s3:bucket", out _, out var error));

        Assert.Equal("'arn:aws:s3:bucket' has 4 of the 6 colon-separated parts; expected arn:partition:service:region:account-id:resource.", error);
    }

    [Fact]
    public void ARN_longer_than_AWS_allows_is_rejected_and_shown_shortened()
    {
        var text = "arn:aws:s3:::" + new string('b', 2100);

        Assert.False(Arn.TryParse(text, out _, out var error));

        Assert.Contains("longer than 2048 characters", error, StringComparison.Ordinal);
        Assert.True(error.Length < 300);
    }

    [Fact]
    public void Resource_account_comes_from_its_ARN()
    {
        Assert.Equal("123456789012", new CloudResource("arn:aws:ec2:us-east-1:123456789012:instance/i-1", "ec2:instance", "us-east-1", []).Account);
        Assert.Equal("", new CloudResource("arn:aws:s3:::bucket", "s3:bucket", "eu-west-1", []).Account);
        Assert.Equal("", new CloudResource("not-an-arn", "s3:bucket", "eu-west-1", []).Account);
    }
}
