using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

public sealed class DynamoDbAndKmsInventoryTests
{
    [Fact]
    public async Task Tables_of_every_page_are_listed_with_every_page_of_their_tags()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var tables = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("dynamodb:table"), CancellationToken.None).AllAsync();

        Assert.Equal(["Audit trail", "orders", "sessions"], tables.Select(t => t.Name));
        Assert.Equal("arn:aws:dynamodb:us-east-1:123456789012:table/orders", tables[1].Arn);
        Assert.Equal([new Tag("Environment", "production"), new Tag("Owner", "alice@example.com"), new Tag("CostCenter", "CC-100")], tables[1].Tags.ToArray());
        Assert.Empty(tables[2].Tags);
        Assert.All(tables, t => Assert.Equal("ACTIVE", t.State));
        Assert.Equal(2, aws.Fake.Of("dynamodb", "ListTables").Count);
        Assert.Equal(Coverage.Complete, aws.Inventory.CoverageOf(ResourceCatalogue.Get("dynamodb:table")));
    }

    [Fact]
    public async Task Only_customer_managed_keys_are_listed_named_by_alias()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var keys = await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("kms:key"), CancellationToken.None).AllAsync();

        Assert.Equal(
            [
                ("arn:aws:kms:us-east-1:123456789012:key/1111aaaa-0000-0000-0000-000000000001", "alias/payments", "Enabled"),
                ("arn:aws:kms:us-east-1:123456789012:key/2222bbbb-0000-0000-0000-000000000002", "2222bbbb-0000-0000-0000-000000000002", "PendingDeletion"),
            ],
            keys.Select(k => (k.Arn, k.Name!, k.State!)));
        Assert.Equal(3, keys[0].Tags.Length);
        Assert.Equal(2, aws.Fake.Of("kms", "ListKeys").Count);
    }
}
