using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinOps.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Waivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "waivers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    arn = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    name_pattern = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    tag_pattern = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    tag_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_ticks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_waivers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_waivers_requested_ticks",
                table: "waivers",
                column: "requested_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "waivers");
        }
    }
}
