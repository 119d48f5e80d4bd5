using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FinOps.Store.Model;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresHistoryDbContext</c> build the context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHistoryDbContext>
{
    public PostgresHistoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHistoryDbContext>().UseNpgsql("Host=localhost;Database=finops_design").Options);
}
