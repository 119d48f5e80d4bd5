using System.Text;
using FinOps.Store;
using FinOps.Store.Codecs;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// The shortcuts a restarted app takes to its history: the schema check without EF Core must know exactly the migrations
/// EF Core would apply, and the restore's shared strings must decode every text as it was written.
/// </summary>
public sealed class StoreStartupTests
{
    [Fact]
    public void Migrations_found_without_EF_Core_are_the_ones_EF_Core_applies()
    {
        var sqlite = HistoryDatabase.Sqlite("Data Source=" + Path.Combine(Path.GetTempPath(), "finops-never-opened.db"));
        var postgres = HistoryDatabase.Postgres("Host=127.0.0.1;Port=9;Database=finops;Username=finops");

        Assert.Equal(SchemaMigrator.Known(sqlite), SchemaMigrator.Compiled(StoreProvider.Sqlite));
        Assert.Equal(SchemaMigrator.Known(postgres), SchemaMigrator.Compiled(StoreProvider.Postgres));
        Assert.NotEmpty(SchemaMigrator.Compiled(StoreProvider.Sqlite));
    }

    [Theory]
    [InlineData("Environment")]
    [InlineData("")]
    [InlineData("Zürich–Ω 東京 🚀")]
    [InlineData("a-value-longer-than-the-table-looks-up-a-value-longer-than-the-table-looks-up-a-value-longer-than-the-table-looks-up-and-then-some")]
    public void Shared_strings_decode_each_text_as_written(string text)
    {
        var table = new StringTable();
        var bytes = Encoding.UTF8.GetBytes(text);

        var first = table.Get(bytes);
        var second = table.Get(bytes);

        Assert.Equal(text, first);
        Assert.Equal(text, second);
        Assert.Equal(bytes.Length <= 128, ReferenceEquals(first, second));
        Assert.Equal(text + "x", table.Get(Encoding.UTF8.GetBytes(text + "x")));
        Assert.Equal(text, table.Get(Encoding.UTF8.GetBytes(text)));
    }
}
