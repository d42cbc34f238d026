namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>Bodies the tests' servers answer with, shaped like the API page's example (with valid timestamps).</summary>
internal static class ExampleResponses
{
    public const string HexId = "5f8d0d55b54764421b7156c9";

    public static string DownloadsByUser => $$"""
        {
            "status": true,
            "data": [
                {
                    "id": "{{HexId}}",
                    "total": 2,
                    "member": {
                        "type": "mdmUser",
                        "memberId": "5f8d0d55b54764421b7156ca",
                        "email": "user@example.com",
                        "firstName": "Ada",
                        "lastName": "Lovelace",
                        "picture": "https://example.com/p.png"
                    },
                    "downloads": [
                        {
                            "id": "5f8d0d55b54764421b7156cb",
                            "from": "integrationApi",
                            "build": { "id": "b1", "os": "ios", "buildPlatform": "iOS", "icon": "icon.png", "versionName": "1.2.3" },
                            "info": {"any": [1, 2]},
                            "device": { "model": "iPhone15,2", "type": "phone" },
                            "os": { "name": "iOS", "version": "17.1" },
                            "networkInfo": {
                                "ip": "203.0.113.7", "city": "Madrid", "continent": "Europe", "country": "ES",
                                "latitude": 40.4168, "longitude": -3.7038, "postalCode": "28001", "region": "Madrid",
                                "regionCode": "MD", "timezone": "Europe/Madrid", "visitor": "v-1"
                            },
                            "createdAt": "2024-01-01T00:00:00Z",
                            "updatedAt": "2024-01-02T10:30:00+02:00"
                        }
                    ]
                }
            ]
        }
        """;
}
