using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.Identifier).HasMaxLength(40);
        builder.HasIndex(o => o.Identifier).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.HasIndex(o => o.Name);
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        // A set of flags: stored as a number so that it can be filtered with bitwise tests.
        builder.Property(o => o.Activities).HasConversion<int>();
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.Phone).HasMaxLength(40);
        builder.Property(o => o.AddressLine1).HasMaxLength(200);
        builder.Property(o => o.AddressLine2).HasMaxLength(200);
        builder.Property(o => o.Town).HasMaxLength(100);
        builder.Property(o => o.Postcode).HasMaxLength(10);
        builder.Property(o => o.CommissionerCode).HasMaxLength(10);
        builder.HasIndex(o => o.Sector);
    }
}
