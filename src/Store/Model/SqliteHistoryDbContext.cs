using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Model;

/// <summary>The history model on SQLite; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteHistoryDbContext(DbContextOptions<SqliteHistoryDbContext> options) : HistoryDbContext(options);
