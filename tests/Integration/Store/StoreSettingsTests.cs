using FinOps.Domain.History;
using FinOps.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Store;

/// <summary><c>FinOps:Store</c> is checked at start-up with messages naming the setting and what it accepts; the default is SQLite under the data folder.</summary>
public sealed class StoreSettingsTests
{
    [Theory]
    [InlineData("Provider", "Mongo", "FinOps:Store:Provider is 'Mongo'; accepted values: 'Sqlite' (default, an embedded file under FinOps:DataPath) or 'Postgres'")]
    [InlineData("Provider", "1", "FinOps:Store:Provider is '1'; accepted values")]
    [InlineData("RetentionDays", "0", "FinOps:Store:RetentionDays must be between 1 and 3650")]
    [InlineData("RetentionDays", "5000", "FinOps:Store:RetentionDays must be between 1 and 3650")]
    public void Invalid_setting_stops_start_up_naming_it_and_what_it_accepts(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [$"FinOps:Store:{key}"] = value }));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_an_example()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["FinOps:Store:Provider"] = "postgres" }));

        Assert.Contains("FinOps:Store:ConnectionString is required when FinOps:Store:Provider is Postgres, e.g. 'Host=", failure.Message);
    }

    [Fact]
    public void Malformed_connection_string_is_refused_without_repeating_it()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["FinOps:Store:Provider"] = "Postgres",
            ["FinOps:Store:ConnectionString"] = "Host=db;Pasword=hunter2",
        }));

        Assert.Contains("FinOps:Store:ConnectionString is not an Npgsql connection string; accepted:", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Fact]
    public void Default_store_is_sqlite_in_the_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "finops-store-settings", Guid.NewGuid().ToString("N"));

        using var services = Services(new() { ["FinOps:DataPath"] = folder });
        var history = services.GetRequiredService<IScanHistory>();

        Assert.Equal($"SQLite at {Path.Combine(folder, "finops.db")}", history.Provider);
        Assert.Equal(400, services.GetRequiredService<IOptions<StoreOptions>>().Value.RetentionDays);
    }

    private static void Resolve(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        _ = services.GetRequiredService<IOptions<StoreOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddFinOpsStore(configuration).BuildServiceProvider();
    }
}
