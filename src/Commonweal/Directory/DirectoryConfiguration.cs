using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Directory;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.Property(s => s.Name).HasMaxLength(Service.NameMaxLength);
        builder.Property(s => s.AlternateName).HasMaxLength(Service.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Service.DescriptionMaxLength);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.EligibilityDescription).HasMaxLength(2000);
        builder.Property(s => s.FeesDescription).HasMaxLength(2000);
        builder.Property(s => s.Alert).HasMaxLength(2000);
        builder.Property(s => s.WaitTime).HasMaxLength(200);
        builder.Property(s => s.ReferralRoute).HasMaxLength(2000);
        builder.Property(s => s.AssurerEmail).HasMaxLength(254);
        builder.HasIndex(s => s.OrganisationId);
        builder.HasIndex(s => new { s.Status, s.AcceptingReferrals });
        builder.HasIndex(s => s.Name);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.ServiceAtLocations).WithOne(l => l.Service).HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.TaxonomyTerms).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Schedules).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("locations");
        builder.Property(l => l.LocationType).HasMaxLength(20);
        builder.Property(l => l.Name).HasMaxLength(250);
        builder.Property(l => l.Description).HasMaxLength(4000);
        builder.Property(l => l.AddressLine).HasMaxLength(300);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.Postcode).HasMaxLength(10);
        builder.Property(l => l.Outcode).HasMaxLength(5);
        builder.HasIndex(l => l.Postcode);
        builder.HasIndex(l => l.Outcode);
        builder.HasIndex(l => new { l.Latitude, l.Longitude });
        builder.HasIndex(l => l.OrganisationId);
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> builder)
    {
        builder.ToTable("service_at_locations");
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.HasIndex(s => new { s.ServiceId, s.LocationId });
        builder.HasIndex(s => s.LocationId);
        builder.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Schedules).WithOne().HasForeignKey(s => s.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> builder)
    {
        builder.ToTable("schedules");
        builder.Property(s => s.Freq).HasMaxLength(20);
        builder.Property(s => s.ByDay).HasMaxLength(40);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.HasIndex(s => s.ServiceId);
        builder.HasIndex(s => s.ServiceAtLocationId);
    }
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> builder)
    {
        builder.ToTable("taxonomies");
        builder.Property(t => t.Name).HasMaxLength(250);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.Uri).HasMaxLength(500);
        builder.Property(t => t.Version).HasMaxLength(50);
    }
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> builder)
    {
        builder.ToTable("taxonomy_terms");
        builder.Property(t => t.Code).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(250);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.TermUri).HasMaxLength(500);
        builder.Property(t => t.Language).HasMaxLength(20);
        builder.HasIndex(t => t.TaxonomyId);
        builder.HasIndex(t => t.ParentId);
        builder.HasIndex(t => t.Code);
        builder.HasOne(t => t.Taxonomy).WithMany().HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceTaxonomyTermConfiguration : IEntityTypeConfiguration<ServiceTaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<ServiceTaxonomyTerm> builder)
    {
        builder.ToTable("service_taxonomy_terms");
        builder.Property(t => t.Value).HasMaxLength(500);
        builder.HasIndex(t => new { t.ServiceId, t.TaxonomyTermId });
        builder.HasIndex(t => t.TaxonomyTermId);
        builder.HasOne(t => t.TaxonomyTerm).WithMany().HasForeignKey(t => t.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceChangeConfiguration : IEntityTypeConfiguration<ServiceChange>
{
    public void Configure(EntityTypeBuilder<ServiceChange> builder)
    {
        builder.ToTable("service_changes");
        builder.Property(c => c.ReviewNote).HasMaxLength(2000);
        builder.HasIndex(c => new { c.Status, c.ServiceId });
        builder.HasOne(c => c.Service).WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostcodeCentroidConfiguration : IEntityTypeConfiguration<PostcodeCentroid>
{
    public void Configure(EntityTypeBuilder<PostcodeCentroid> builder)
    {
        builder.ToTable("postcode_centroids");
        // Reference data loaded in bulk from published tables, not a change anyone makes.
        builder.IsNotAudited();
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(10);
    }
}
