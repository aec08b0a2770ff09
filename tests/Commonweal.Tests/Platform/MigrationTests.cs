using Commonweal.Data;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Commonweal.Tests.Platform;

/// <summary>
/// Every command and the site start by migrating, which passes over an up-to-date database without
/// EF's model comparison: so the comparison is made here, and a database one migration behind is
/// still brought up to date.
/// </summary>
public sealed class MigrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheModel_HasNoChangeTheMigrationsLack()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one");
    }

    [Fact]
    public async Task ADatabaseOneMigrationBehind_IsBroughtUpToDate_AndAnUpToDateOneIsLeftAsItIs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[^2], cancellationToken: Cancel);
        Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync(Cancel));

        await CommonwealDatabase.MigrateAsync(db, Cancel);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync(Cancel));

        await CommonwealDatabase.MigrateAsync(db, Cancel);
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync(Cancel));
    }
}
