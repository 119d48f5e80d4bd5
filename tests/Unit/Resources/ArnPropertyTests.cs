using FinOps.Domain.Resources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Resources;

/// <summary>FsCheck properties of ARN parsing.</summary>
public sealed class ArnPropertyTests
{
    private static Gen<string> Chars(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    private static readonly Gen<Arn> Arns =
        from partition in Gen.Elements("aws", "aws-cn", "aws-us-gov", "aws-iso-b")
        from service in Chars("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 20)
        from region in Gen.Frequency((1, Gen.Constant("")), (4, Gen.Elements("us-east-1", "eu-west-2", "ap-southeast-3", "us-gov-west-1")))
        from account in Gen.Frequency((1, Gen.Constant("")), (1, Gen.Constant("aws")), (4, Chars("0123456789", 12, 12)))
        from resource in Chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:*@+=,", 1, 80)
        select new Arn(partition, service, region, account, resource);

    [Property(MaxTest = 500)]
    public Property ARN_ToString_then_Parse_gives_back_the_same_ARN() =>
        Prop.ForAll(Arb.From(Arns), arn => Arn.Parse(arn.ToString()) == arn && Arn.Parse(arn.ToString()).ToString() == arn.ToString());

    [Property(MaxTest = 300)]
    public Property Parsing_any_text_either_succeeds_with_parts_that_rebuild_it_or_explains_why()
    {
        var texts = Gen.OneOf(
            Arns.Select(a => a.ToString()),
            Chars("arn:aws3e-1/ \t", 0, 30),
            Arns.Select(a => a.ToString()).SelectMany(s => Gen.Choose(0, s.Length - 1).Select(cut => s[..cut])));

        return Prop.ForAll(Arb.From(texts), text =>
            Arn.TryParse(text, out var arn, out var error)
                ? error is null && arn.ToString() == text
                : !string.IsNullOrWhiteSpace(error) && arn == default);
    }
}
