using FinOps.Aws.Live;

namespace FinOps.Tests.Unit.Live;

public sealed class AwsOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new AwsOptionsValidator().Validate(null, new AwsOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Ireland")]
    [InlineData("")]
    [InlineData("US-EAST-1")]
    public void A_malformed_region_is_named(string region)
    {
        var result = new AwsOptionsValidator().Validate(null, new AwsOptions { Region = region });

        Assert.True(result.Failed);
        Assert.Contains("FinOps:Aws:Region", result.FailureMessage);
    }

    [Fact]
    public void Endpoint_overrides_must_be_known_services_with_absolute_http_urls()
    {
        var options = new AwsOptions();
        options.Endpoints["ec2"] = "http://127.0.0.1:4566";
        options.Endpoints["lambda"] = "http://127.0.0.1:4566";
        options.Endpoints["ce"] = "ftp://example.com";

        var result = new AwsOptionsValidator().Validate(null, options);

        Assert.DoesNotContain("Endpoints:ec2", result.FailureMessage);
        Assert.Contains("FinOps:Aws:Endpoints:lambda is not a known service", result.FailureMessage);
        Assert.Contains("FinOps:Aws:Endpoints:ce", result.FailureMessage);
    }

    [Fact]
    public void Endpoint_keys_are_case_insensitive()
    {
        var options = new AwsOptions();
        options.Endpoints["EC2"] = "http://127.0.0.1:4566/";

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), options.EndpointFor("ec2"));
        Assert.Null(options.EndpointFor("s3"));
    }
}
