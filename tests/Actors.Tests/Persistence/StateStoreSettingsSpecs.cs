using ActorStream.Actors.Persistence;

namespace ActorStream.Actors.Tests.Persistence;

public sealed class StateStoreSettingsSpecs
{
    [Fact]
    public void Parse_should_default_to_a_sqlite_file_under_data()
    {
        var settings = StateStoreSettings.Parse(null);

        Assert.Equal(StateStoreDialect.Sqlite, settings.Dialect);
        Assert.Equal(Path.GetFullPath("data/actorstream.db"), settings.DatabaseFile);
        Assert.Equal("SQLite.MS", settings.ProviderName);
    }

    [Fact]
    public void Parse_should_treat_a_path_as_a_sqlite_file()
    {
        var settings = StateStoreSettings.Parse("/var/lib/actorstream/state.db");

        Assert.Equal(StateStoreDialect.Sqlite, settings.Dialect);
        Assert.Equal("/var/lib/actorstream/state.db", settings.DatabaseFile);
        Assert.Contains("Data Source=/var/lib/actorstream/state.db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Server=db.local;Port=3307;Database=actorstream;User ID=as;Password=secret")]
    [InlineData("host=db.local;port=3307;database=actorstream;user=as;password=secret")]
    public void Parse_should_treat_a_connection_string_with_a_server_as_mysql(string value)
    {
        var settings = StateStoreSettings.Parse(value);

        Assert.Equal(StateStoreDialect.MySql, settings.Dialect);
        Assert.Null(settings.DatabaseFile);
        Assert.Equal(value, settings.ConnectionString);
        Assert.Equal("MySql.8.0.MySqlConnector", settings.ProviderName);
        Assert.Equal("MySQL/MariaDB database actorstream on db.local:3307", settings.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_should_reject_an_empty_value_naming_the_option_and_the_default(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => StateStoreSettings.Parse(value));

        Assert.StartsWith("--state-db is empty", error.Message);
        Assert.Contains("./data/actorstream.db", error.Message);
        Assert.Contains("Server=", error.Message);
    }

    [Fact]
    public void Parse_should_reject_a_directory_and_suggest_a_file_inside_it()
    {
        var directory = Path.GetTempPath();

        var error = Assert.Throws<ArgumentException>(() => StateStoreSettings.Parse(directory));

        Assert.Contains("--state-db", error.Message);
        Assert.Contains("is a directory", error.Message);
        Assert.Contains(Path.Join(directory.TrimEnd('/'), "actorstream.db"), error.Message);
    }

    [Fact]
    public void Parse_should_reject_a_connection_string_without_a_server()
    {
        var error = Assert.Throws<ArgumentException>(() => StateStoreSettings.Parse("Database=actorstream;User ID=as;Password=secret"));

        Assert.Contains("--state-db", error.Message);
        Assert.Contains("names no server", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Parse_should_reject_a_connection_string_without_a_database()
    {
        var error = Assert.Throws<ArgumentException>(() => StateStoreSettings.Parse("Server=db.local;User ID=as;Password=secret"));

        Assert.Contains("--state-db names no database", error.Message);
        Assert.Contains("Database=", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Parse_should_reject_a_connection_string_key_the_driver_does_not_know()
    {
        var error = Assert.Throws<ArgumentException>(() => StateStoreSettings.Parse("Server=db.local;Database=as;Colour=blue;Password=secret"));

        Assert.Contains("--state-db", error.Message);
        Assert.Contains("colour", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void TryParse_should_return_the_error_instead_of_throwing()
    {
        Assert.False(StateStoreSettings.TryParse("", out var settings, out var error));
        Assert.Null(settings);
        Assert.StartsWith("--state-db", error);
    }

    [Fact]
    public void ToString_should_not_show_the_password()
    {
        var settings = StateStoreSettings.Parse("Server=db.local;Database=actorstream;User ID=as;Password=secret");

        Assert.DoesNotContain("secret", settings.ToString());
        Assert.DoesNotContain("secret", $"{settings}");
    }
}
