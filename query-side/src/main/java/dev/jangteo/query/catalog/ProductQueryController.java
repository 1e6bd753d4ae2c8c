package dev.jangteo.query.catalog;

import dev.jangteo.platform.web.ApiException;
import dev.jangteo.platform.web.ProblemCodes;
import dev.jangteo.query.consistency.ConsistentRead;
import dev.jangteo.query.web.PageOf;
import dev.jangteo.query.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
class ProductQueryController {

    private static final Sort BY_NAME = Sort.by("name", "productId");

    private final ProductViews products;

    ProductQueryController(ProductViews products) {
        this.products = products;
    }

    record Product(String productId, String name, String category, long price, int stock, Instant updatedAt) {

        static Product of(ProductView view) {
            return new Product(view.productId(), view.name(), view.category(), view.price(), view.stock(),
                               view.updatedAt());
        }
    }

    @GetMapping("/api/products")
    @ConsistentRead(CatalogProjection.GROUP)
    PageOf<Product> products(@RequestParam(required = false) String category,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        Pageable pageable = Paging.of(page, size, BY_NAME);
        Page<ProductView> found = category == null || category.isBlank()
                                  ? products.findAll(pageable)
                                  : products.findByCategory(category, pageable);
        return PageOf.of(found.map(Product::of));
    }

    @ProblemCodes("PRODUCT_NOT_FOUND")
    @GetMapping("/api/products/{productId}")
    @ConsistentRead(CatalogProjection.GROUP)
    Product product(@PathVariable String productId) {
        return products.findById(productId)
                       .map(Product::of)
                       .orElseThrow(() -> ApiException.notFound("PRODUCT_NOT_FOUND", "No product " + productId));
    }
}
