using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Platform;

/// <summary>
/// Funding records (360Giving imports, scale seeding) are written in bulk, outside EF's change tracker
/// and, on SQLite, bound by position through SQLite's own API: a row so written must be stored exactly as
/// EF's own save stores the same record, the same values in the same storage types, column by column.
/// </summary>
public sealed class BulkInsertedFundingRecordTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string?, string?, bool> Variants => new()
    {
        { "Café – ünïcode title, “quoted”", "GB-CHC-1190200", true },
        { "", "", false },
        { null, null, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task InsertedRow_IsStoredAsEfSavesTheSameRecord(string? title, string? identifier, bool withContract)
    {
        await using var db = database.Database.CreateContext();
        var funder = new Organisation { Name = "Inserter funder", LegalForm = LegalForm.LocalAuthority };
        var recipient = new Organisation { Name = "Inserter recipient", LegalForm = LegalForm.RegisteredCharity };
        db.Organisations.AddRange(funder, recipient);
        await db.SaveChangesAsync(Cancel);
        FundingRecord Record(string key)
        {
            var record = new FundingRecord
            {
                Source = FundingSource.Grant, FunderOrganisationId = withContract ? null : funder.Id, FunderName = "Funder 'F'", FunderIdentifier = identifier,
                RecipientOrganisationId = recipient.Id, RecipientIdentifier = identifier, Amount = 12_345.67m, Currency = "GBP", Title = title,
                IncomeKind = withContract ? IncomeKind.Trading : null, ContractId = withContract ? Guid.NewGuid() : null, SourceKey = key,
                RecordedAt = new DateTime(2026, 12, 7, 5, 1, 2, DateTimeKind.Utc).AddTicks(1234567),
            };
            record.SetDates(new DateOnly(2025, 2, 3), new DateOnly(2025, 4, 1), withContract ? null : new DateOnly(2026, 3, 31));
            return record;
        }

        var (byEf, byInserter) = (Record($"ef-{Guid.NewGuid():N}"), Record($"inserter-{Guid.NewGuid():N}"));
        byInserter.ContractId = byEf.ContractId;
        db.FundingRecords.Add(byEf);
        await db.SaveChangesAsync(Cancel);
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await BulkInserter.InsertAsync(db, [byInserter], Cancel));
            await transaction.CommitAsync(Cancel);
        }

        var (ef, inserted) = (await StoredAsync(db, byEf.Id), await StoredAsync(db, byInserter.Id));
        Assert.Equal(ef.Count, inserted.Count);
        foreach (var column in ef.Keys.Where(c => c is not ("Id" or "SourceKey")))
        {
            Assert.True(ef[column] == inserted[column], $"{column}: EF stored {ef[column]}, the inserter {inserted[column]}");
        }

        Assert.Equal(byInserter.Id, (await db.FundingRecords.AsNoTracking().SingleAsync(f => f.SourceKey == byInserter.SourceKey, Cancel)).Id);
    }

    [Fact]
    public async Task ARowBreakingAConstraint_IsADatabaseError_AndTheTransactionWritesNothing()
    {
        await using var db = database.Database.CreateContext();
        var recipient = new Organisation { Name = "Twice recipient", LegalForm = LegalForm.RegisteredCharity };
        db.Organisations.Add(recipient);
        await db.SaveChangesAsync(Cancel);
        var key = $"twice-{Guid.NewGuid():N}";
        FundingRecord Record() => new() { Source = FundingSource.Grant, FunderName = "F", RecipientOrganisationId = recipient.Id, Amount = 5, SourceKey = key, RecordedAt = DateTime.UtcNow };

        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            Assert.Equal(1, await BulkInserter.InsertAsync(db, [Record()], Cancel));
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => BulkInserter.InsertAsync(db, [Record()], Cancel));
            Assert.Contains("unique", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await db.FundingRecords.CountAsync(f => f.SourceKey == key, Cancel));
    }

    /// <summary>Every column of one stored row as the database itself has it: its storage type and its value as SQL text.</summary>
    private static async Task<Dictionary<string, string>> StoredAsync(Commonweal.Data.CommonwealDbContext db, Guid id)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Cancel);
        try
        {
            await using var command = connection.CreateCommand();
            var key = db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id.ToString();
            command.CommandText = $"SELECT * FROM funding_records WHERE \"Id\" = '{key}'";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            Assert.True(await reader.ReadAsync(Cancel), $"no row {key}");
            return Enumerable.Range(0, reader.FieldCount).ToDictionary(
                reader.GetName,
                i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name} {reader.GetDataTypeName(i)} {Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
