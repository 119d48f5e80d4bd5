using FinOps.Domain.Resources;
using FinOps.Domain.Ports;
using Microsoft.Extensions.Options;

namespace FinOps.Aws.Live;

/// <summary>
/// The live inventory: each catalogue type listed the way its <see cref="InventoryMethod"/> says (EC2 Describe*,
/// S3, DynamoDB, KMS, or the Resource Groups Tagging API). Failures surface as <see cref="ResourceSourceException"/>
/// for the one type in the one region, so the scanner can fail that region and carry on with the others.
/// </summary>
public sealed class AwsInventorySource : IRegionalResourceSource, IGlobalResourceSource
{
    private readonly Ec2Inventory _ec2;
    private readonly S3BucketInventory _s3;
    private readonly DynamoDbTableInventory _dynamoDb;
    private readonly KmsKeyInventory _kms;
    private readonly TaggingApiInventory _tagging;

    public AwsInventorySource(RegionalClientFactory clients, StsAccountIdentity identity, IOptions<AwsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ec2 = new Ec2Inventory(clients, identity);
        _s3 = new S3BucketInventory(clients, options.Value);
        _dynamoDb = new DynamoDbTableInventory(clients, options.Value);
        _kms = new KmsKeyInventory(clients, options.Value);
        _tagging = new TaggingApiInventory(clients);
    }

    public IAsyncEnumerable<IReadOnlyList<CloudResource>> ListAsync(string region, ResourceTypeInfo type, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGlobal)
        {
            throw new ArgumentException($"'{type.Name}' is global: list it once with {nameof(ListGlobalAsync)}.", nameof(type));
        }

        return type.Inventory switch
        {
            InventoryMethod.Ec2 => _ec2.ListAsync(region, type, cancellationToken),
            InventoryMethod.DynamoDb => _dynamoDb.ListAsync(region, type, cancellationToken),
            InventoryMethod.Kms => _kms.ListAsync(region, type, cancellationToken),
            InventoryMethod.TaggingApi => _tagging.ListAsync(region, region, type, cancellationToken),
            _ => throw new ArgumentException($"'{type.Name}' has no regional listing ({type.Inventory}).", nameof(type)),
        };
    }

    public IAsyncEnumerable<IReadOnlyList<CloudResource>> ListGlobalAsync(ResourceTypeInfo type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsGlobal)
        {
            throw new ArgumentException($"'{type.Name}' is regional: list it per region with {nameof(ListAsync)}.", nameof(type));
        }

        return type.Inventory switch
        {
            InventoryMethod.S3 => _s3.ListAsync(type, cancellationToken),
            InventoryMethod.TaggingApi => _tagging.ListAsync(TaggingApiInventory.GlobalQueryRegion, ResourceCatalogue.GlobalRegion, type, cancellationToken),
            _ => throw new ArgumentException($"'{type.Name}' has no global listing ({type.Inventory}).", nameof(type)),
        };
    }

    public Coverage CoverageOf(ResourceTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.LiveCoverage;
    }
}
