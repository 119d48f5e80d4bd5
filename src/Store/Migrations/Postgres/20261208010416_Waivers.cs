using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinOps.Store.Migrations.Postgres
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
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    arn = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    resource_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    region = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    name_pattern = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    tag_pattern = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    tag_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_ticks = table.Column<long>(type: "bigint", nullable: false),
                    expires_ticks = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_ticks = table.Column<long>(type: "bigint", nullable: true)
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
