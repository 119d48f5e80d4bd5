using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FinOps.Store.Model;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteHistoryDbContext</c> build the context without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHistoryDbContext>
{
    public SqliteHistoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHistoryDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
