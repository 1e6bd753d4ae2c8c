package dev.jangteo.query.catalog;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** What other contexts may ask of the catalog read model: the names and categories of products. */
@Component
public class ProductNames {

    /** The processing group whose position an answer of this class reflects. */
    public static final String GROUP = CatalogProjection.GROUP;

    public record Named(String name, String category) {
    }

    private final ProductViews products;

    ProductNames(ProductViews products) {
        this.products = products;
    }

    /** The products among {@code productIds} that the catalog holds, by id; an unknown id is left out. */
    public Map<String, Named> of(Collection<String> productIds) {
        return products.findAllById(productIds).stream()
                       .collect(Collectors.toMap(ProductView::productId,
                                                 product -> new Named(product.name(), product.category())));
    }
}
