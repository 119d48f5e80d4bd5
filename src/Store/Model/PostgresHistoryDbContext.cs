using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Model;

/// <summary>The history model on PostgreSQL; its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresHistoryDbContext(DbContextOptions<PostgresHistoryDbContext> options) : HistoryDbContext(options);
